import type { BenchSection } from './types';
export default async function runChangeBench(): Promise<BenchSection> {
  return { title: 'placeholder', columns: [], rows: [] };
}
