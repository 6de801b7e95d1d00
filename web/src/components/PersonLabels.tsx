import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference.tsx';
import type { EmploymentStatus, PersonGroup } from '../types.ts';

export function GroupTags({ groups, max = 99 }: { groups: PersonGroup[]; max?: number }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (!groups.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {groups.slice(0, max).map((g) => <Tag key={g} color="blue">{label('personGroups', g)}</Tag>)}
      {groups.length > max ? <Typography.Text type="secondary">+{groups.length - max}</Typography.Text> : null}
    </Space>
  );
}

const EMPLOYMENT_COLOR: Record<EmploymentStatus, string> = { employed: 'green', unemployed: 'orange', none: 'default' };
export function EmploymentTag({ status }: { status: EmploymentStatus }) {
  const { label } = useLabels();
  return <Tag color={EMPLOYMENT_COLOR[status]}>{label('employmentStatuses', status)}</Tag>;
}
