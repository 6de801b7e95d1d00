import { defineMachine } from '../shared/machine.ts';

export const VOUCHER_STATES = ['applied', 'issued', 'bound', 'redeemed', 'written_off', 'cancelled'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export const VOUCHER_STATE_LABELS: Record<VoucherState, string> = {
  applied: '已申请', issued: '已发券', bound: '已绑定培训', redeemed: '已兑现', written_off: '已核销', cancelled: '已作废',
};

/**
 * The e-voucher closed loop (yangquan 第十一条 “申请—发券—培训（评价）—兑现—核销”; wenshui 三(二)):
 * bound to one enrolment, redeemed once the subsidy is paid, then written off.
 */
export const voucherMachine = defineMachine({
  name: 'voucher',
  states: VOUCHER_STATES,
  initial: 'applied',
  final: ['written_off', 'cancelled'],
  transitions: [
    { from: ['applied'], action: 'issue', to: 'issued', roles: ['county_admin', 'city_admin'] },
    { from: ['issued'], action: 'bind', to: 'bound', roles: ['institution'], guards: ['enrolled_in_cohort', 'not_bound_elsewhere'] },
    { from: ['bound'], action: 'redeem', to: 'redeemed', roles: ['finance'] },
    { from: ['redeemed'], action: 'write_off', to: 'written_off', roles: ['county_admin', 'city_admin'] },
    { from: ['applied', 'issued'], action: 'cancel', to: 'cancelled', roles: ['trainee', 'institution', 'county_admin', 'city_admin'] },
    { from: ['bound'], action: 'cancel', to: 'cancelled', roles: ['county_admin', 'city_admin'] },
  ],
} as const);
