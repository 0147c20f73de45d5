import { describe, expect, it } from 'vitest';
import { withSingleThreadedScavenges } from './scavengeThreads';

describe('withSingleThreadedScavenges', () => {
  it('turns parallel scavenges off for the build and back on after it, also when it fails', async () => {
    const flags: string[] = [];
    const set = (flag: string): void => void flags.push(flag);
    await expect(withSingleThreadedScavenges(async () => (flags.push('build'), 7), set, [])).resolves.toBe(7);
    expect(flags).toEqual(['--no-parallel-scavenge', 'build', '--parallel-scavenge']);
    flags.length = 0;
    await expect(withSingleThreadedScavenges(() => Promise.reject(new Error('bad row')), set, [])).rejects.toThrow('bad row');
    expect(flags).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('turns them back on once the last of overlapping builds ends', async () => {
    const flags: string[] = [];
    const set = (flag: string): void => void flags.push(flag);
    let finishFirst = (): void => undefined;
    const first = withSingleThreadedScavenges(() => new Promise<void>((resolve) => (finishFirst = resolve)), set, []);
    await withSingleThreadedScavenges(async () => flags.push('second'), set, []);
    expect(flags).toEqual(['--no-parallel-scavenge', 'second']);
    finishFirst();
    await first;
    expect(flags).toEqual(['--no-parallel-scavenge', 'second', '--parallel-scavenge']);
  });

  it('leaves GC threads as node was started when its options chose them', async () => {
    const flags: string[] = [];
    const set = (flag: string): void => void flags.push(flag);
    await withSingleThreadedScavenges(async () => undefined, set, ['--single-threaded-gc']);
    await withSingleThreadedScavenges(async () => undefined, set, ['--max-old-space-size=4096', '--parallel-scavenge']);
    await withSingleThreadedScavenges(async () => undefined, set, ['--no-parallel_scavenge']);
    expect(flags).toEqual([]);
  });

  it('is accepted by V8 in this process', async () => {
    await expect(withSingleThreadedScavenges(async () => 'built')).resolves.toBe('built');
  });
});
