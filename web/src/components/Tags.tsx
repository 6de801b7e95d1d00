import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionStatus } from '../types.ts';

const STATUS_COLOR: Record<InstitutionStatus, string> = {
  applied: 'processing', listed: 'success', rectifying: 'warning', suspended: 'error', removed: 'default',
};

export function InstitutionStatusTag({ status }: { status: InstitutionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-status={status}>{t(`institution.status.${status}`)}</Tag>;
}
