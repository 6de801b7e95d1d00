import type { ReactNode } from 'react';
import { Button, Card, Form, Grid, type FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * A card holding one dynamic list of the institution form (Form.List `name`): a row per item with a remove
 * button, and an add button below. `row` renders an item's fields; `first(label)` gives a field its label
 * only where it should show one (on wide screens, the first row only; placeholders name the fields in every row).
 */
export function ListSection({ title, name, addLabel, addValue = {}, row }: {
  title: ReactNode;
  name: string;
  addLabel: ReactNode;
  addValue?: Record<string, unknown>;
  row: (field: FormListFieldData, first: (label: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Card title={title} size="small">
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => {
              const labelled = f.name === 0 || !wide;
              return (
                <div key={f.key} data-list-row>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', ...(wide ? {} : { borderBottom: '1px dashed #e5e7eb', marginBottom: 12 }) }}>
                    <div style={{ flex: 1, minWidth: 0 }}>{row(f, (label) => (labelled ? label : undefined))}</div>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} style={{ marginTop: labelled ? 30 : 0 }} />
                  </div>
                </div>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...addValue })} block>{addLabel}</Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
