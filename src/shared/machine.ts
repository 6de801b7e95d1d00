import { AppError } from './errors.ts';

/**
 * A life cycle kept as data (XState-style): states, and transitions each with the action that fires it,
 * the roles that may fire it and the names of the guards that must hold. `fire` is pure: it decides, the
 * caller applies the change and its audit entry in one transaction.
 */
export interface Transition<S extends string, A extends string, R extends string = string> {
  from: readonly S[];
  action: A;
  to: S;
  roles: readonly R[];
  /** Names of conditions that must hold; the caller evaluates them and refuses with their reasons. */
  guards?: readonly string[];
  /** Name of a condition that selects this branch when one action leads to different states. */
  when?: string;
}

export interface Machine<S extends string, A extends string, R extends string = string> {
  name: string;
  states: readonly S[];
  initial: S;
  final: readonly S[];
  transitions: readonly Transition<S, A, R>[];
}

export const defineMachine = <S extends string, A extends string, R extends string>(m: Machine<S, A, R>) => m;

export function fire<S extends string, A extends string, R extends string>(
  m: Machine<S, A, R>, state: S, action: string, role: R, holds: (condition: string) => boolean = () => true,
): Transition<S, A, R> {
  const withAction = m.transitions.filter((t) => t.action === action);
  if (!withAction.length) throw new AppError('validation', `action: unknown action ${action} for ${m.name}`, { field: 'action' });
  // A role that may never fire this action learns nothing about the state.
  if (!withAction.some((t) => t.roles.includes(role))) {
    throw new AppError('forbidden', `role ${role} may not ${action} a ${m.name}`, { action, role });
  }
  const fromHere = withAction.filter((t) => t.from.includes(state));
  if (!fromHere.length) {
    throw new AppError('illegal_transition', `${m.name} is ${state}: ${action} is not allowed from this state`, { state, action });
  }
  const mine = fromHere.find((t) => t.roles.includes(role) && (!t.when || holds(t.when)));
  if (!mine) throw new AppError('forbidden', `role ${role} may not ${action} a ${m.name} that is ${state}`, { action, role, state });
  return mine;
}

/** The actions a role may fire from a state (for buttons in the UI). */
export const actionsFrom = <S extends string, A extends string, R extends string>(m: Machine<S, A, R>, state: S, role: R): A[] =>
  [...new Set(m.transitions.filter((t) => t.from.includes(state) && t.roles.includes(role)).map((t) => t.action))];

/** States no sequence of transitions reaches from the initial state (a test keeps this empty). */
export function unreachableStates<S extends string>(m: Machine<S, string, string>): S[] {
  const seen = new Set<S>([m.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of m.transitions) {
      if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return m.states.filter((s) => !seen.has(s));
}

/** Non-final states with no way out (a test keeps this empty too). */
export const deadEnds = <S extends string>(m: Machine<S, string, string>): S[] =>
  m.states.filter((s) => !m.final.includes(s) && !m.transitions.some((t) => t.from.includes(s)));
