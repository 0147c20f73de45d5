import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, filterNode, type FilterNode } from './filterTree';

export interface FilterProblem {
  /** Where in the tree: "children.2.operation" style. */
  path: string;
  message: string;
}

export type FilterValidation = { isValid: true; filter: FilterNode } | { isValid: false; problems: FilterProblem[] };

/**
 * Parses an untrusted filter and checks the rules zod cannot express: depth, total conditions, ranges with at least
 * one bound and min ≤ max, groups that are not empty OR groups (which would match nothing).
 */
export function validateFilter(input: unknown): FilterValidation {
  const parsed = filterNode.safeParse(input);
  if (!parsed.success) {
    return {
      isValid: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const problems: FilterProblem[] = [];
  let conditionCount = 0;
  const visit = (node: FilterNode, path: string, depth: number): void => {
    if (node.kind === 'group') {
      if (depth > MAX_FILTER_DEPTH) problems.push({ path, message: `groups may be nested at most ${MAX_FILTER_DEPTH} deep` });
      if (node.combinator === 'or' && node.children.length === 0) problems.push({ path, message: 'an OR group needs at least one condition' });
      node.children.forEach((child, i) => visit(child, path ? `${path}.children.${i}` : `children.${i}`, depth + 1));
      return;
    }
    conditionCount++;
    if ((node.kind === 'company_profile' || node.kind === 'crm_field') && node.operation.op === 'range') {
      const { min, max } = node.operation;
      const at = path ? `${path}.operation` : 'operation';
      if (min === undefined && max === undefined) problems.push({ path: at, message: 'a range needs a minimum, a maximum or both' });
      else if (min !== undefined && max !== undefined && typeof min !== typeof max) problems.push({ path: at, message: 'both range bounds must be numbers or both dates' });
      else if (min !== undefined && max !== undefined && min > max) problems.push({ path: at, message: 'the range minimum is above its maximum' });
    }
  };
  visit(parsed.data, '', 1);
  if (conditionCount > MAX_FILTER_CONDITIONS) problems.push({ path: '', message: `a filter may hold at most ${MAX_FILTER_CONDITIONS} conditions` });
  return problems.length > 0 ? { isValid: false, problems } : { isValid: true, filter: parsed.data };
}
