// List helpers the reducers share.

export function without(list: string[], drop: ReadonlySet<string>): string[] {
  return list.filter((item) => !drop.has(item));
}
