import { Tag } from 'antd';
import { useLabels } from '../reference.tsx';
import type { InstitutionStatus } from '../types.ts';
import type { CohortState, VoucherState } from '../types-cohort.ts';

const STATUS_COLOR: Record<InstitutionStatus, string> = {
  applied: 'processing', listed: 'success', rectifying: 'warning', suspended: 'error', removed: 'default',
};

export function InstitutionStatusTag({ status }: { status: InstitutionStatus }) {
  const { label } = useLabels();
  return <Tag color={STATUS_COLOR[status]} data-status={status}>{label('institutionStatuses', status)}</Tag>;
}

const COHORT_COLOR: Record<CohortState, string> = {
  draft: 'default', opening_submitted: 'processing', opening_county_approved: 'processing', opening_approved: 'cyan', in_training: 'blue',
  completion_submitted: 'processing', completion_approved: 'geekblue', examined: 'green', claimed: 'purple', closed: 'default',
  rejected: 'error', cancelled: 'default',
};

export function CohortStateTag({ state }: { state: CohortState }) {
  const { label } = useLabels();
  return <Tag color={COHORT_COLOR[state]} data-state={state}>{label('cohortStates', state)}</Tag>;
}

const VOUCHER_COLOR: Record<VoucherState, string> = { applied: 'processing', issued: 'blue', bound: 'cyan', redeemed: 'green', written_off: 'default', cancelled: 'default' };

export function VoucherStateTag({ state }: { state: VoucherState }) {
  const { label } = useLabels();
  return <Tag color={VOUCHER_COLOR[state]} data-voucher-state={state}>{label('voucherStates', state)}</Tag>;
}
