import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Title row of a page: optional back arrow, title, extra tags, actions on the right. */
export function PageHead({ title, back, extra, actions }: { title: ReactNode; back?: string | boolean; extra?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="px-page-head">
      {back ? (
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={t('common.back')}
          onClick={() => (typeof back === 'string' ? navigate(back) : navigate(-1))}
        />
      ) : null}
      <h1>{title}</h1>
      {extra}
      {actions ? <div className="px-page-actions">{actions}</div> : null}
    </div>
  );
}
