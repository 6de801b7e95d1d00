import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { Reason } from '../types-cohort.ts';
import { ProblemAlert, useProblemText } from './Problem.tsx';
import { TechnicalId, TechnicalSwitch, useTechnicalDetails } from './TechnicalDetails.tsx';

/** Reasons a rule gives, each with its source: “缺少开班材料：教学大纲 — 菏泽市…第十一条”; the rule id with 技术细节. */
export function ReasonList({ reasons, names }: { reasons: (Reason | string)[]; names?: Map<string, string> }) {
  const { t } = useTranslation();
  if (!reasons.length) return null;
  return (
    <ul className="px-reasons" data-testid="reasons">
      {reasons.map((r, i) => typeof r === 'string' ? <li key={i}>{r}</li> : (
        <li key={`${r.rule}-${i}`} data-rule={r.rule}>
          {r.severity && r.severity !== 'refusal' ? <Tag color={r.severity === 'warning' ? 'orange' : 'default'}>{t(`person.severity.${r.severity}`, { defaultValue: r.severity })}</Tag> : null}
          {r.personId && names?.get(r.personId) ? <Typography.Text strong>{names.get(r.personId)}：</Typography.Text> : null}
          <span>{r.text}</span>
          {r.citation ? <Typography.Text type="secondary" className="px-citation"> — {t('cohort.citation')}：{r.citation}</Typography.Text> : null}
          <TechnicalId prefix=" ">{r.rule}</TechnicalId>
        </li>
      ))}
    </ul>
  );
}

/** The reasons a problem carries (422 guard_failed: `reasons[]`), if any. */
export const reasonsOf = (e: unknown): Reason[] | null =>
  e instanceof ApiError && Array.isArray(e.problem.reasons) && e.problem.reasons.length ? (e.problem.reasons as Reason[]) : null;

/**
 * A refused request: every reason with its citation when the server gave them (guard_failed), the named
 * field and citation for a problem about one value, else the plain problem. A missing parameter
 * (unset_parameter) reads as its Chinese text; the server's wording, which names the key and the pack, and the
 * field's path come with 技术细节.
 */
export function RefusalAlert({ error, title, onClose, names }: { error: unknown; title?: string; onClose?: () => void; names?: Map<string, string> }) {
  const { t } = useTranslation();
  const technical = useTechnicalDetails();
  const text = useProblemText()(error);
  const reasons = reasonsOf(error);
  if (!reasons && !(error instanceof ApiError && (error.problem.citation || error.field))) return <ProblemAlert error={error} onClose={onClose} />;
  const p = error instanceof ApiError ? error.problem : undefined;
  const parameterText = p?.code === 'unset_parameter' && typeof p.parameterText === 'string' ? p.parameterText : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="refusal"
      style={{ marginBottom: 16 }}
      title={title ?? text.title}
      closable={onClose ? { onClose } : false}
      action={<TechnicalSwitch />}
      description={reasons ? <ReasonList reasons={reasons} names={names} /> : (
        <Space orientation="vertical" size={2}>
          {parameterText ? <span data-testid="unset-parameter">{t('policy.unsetNamed', { text: parameterText })}</span> : null}
          {!parameterText || technical ? <span>{text.detail}</span> : null}
          {p?.field ? <TechnicalId>{String(p.field)}</TechnicalId> : null}
          {p?.citation ? <Typography.Text type="secondary">{t('cohort.citation')}：{String(p.citation)}</Typography.Text> : null}
        </Space>
      )}
    />
  );
}

/** 无券不补, with where it is written: the server gives the article of the pack in question, null where it has none. */
export function NoVoucherNote({ citation }: { citation: string | null | undefined }) {
  const { t } = useTranslation();
  if (!citation) return null;
  return (
    <span data-testid="no-voucher-note">
      {t('voucher.noVoucher')}
      <Typography.Text type="secondary" className="px-citation"> — {t('cohort.citation')}：{citation}</Typography.Text>
    </span>
  );
}
