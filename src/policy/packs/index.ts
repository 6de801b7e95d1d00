/** The pack registry: one pack per seed document (seeds/README.md maps files to ids). */
import { AppError } from '../../shared/errors.ts';
import type { Pack } from '../pack.ts';
import { heze2024 } from './heze-2024.ts';
import { suihua2019 } from './suihua-2019.ts';
import { wenshui2023 } from './wenshui-2023.ts';
import { xinzhou2024 } from './xinzhou-2024.ts';
import { yangquan2024 } from './yangquan-2024.ts';

export const PACKS: readonly Pack[] = [yangquan2024, xinzhou2024, wenshui2023, heze2024, suihua2019];
export const PACK_IDS = PACKS.map((p) => p.id) as readonly string[];

const byId = new Map(PACKS.map((p) => [p.id, p]));

export const findPack = (id: string): Pack | undefined => byId.get(id);

export const getPack = (id: string): Pack => {
  const p = byId.get(id);
  if (!p) throw new AppError('not_found', `unknown policy pack ${id}; known: ${PACK_IDS.join(', ')}`, { field: 'policy' });
  return p;
};

export type { Pack };
