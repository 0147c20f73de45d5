import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryOptions } from '@tanstack/react-query';
import type { EndpointContract } from '../../../src/contracts/http';
import type { ContractInput, ContractOutput } from '../../../src/contracts/request';
import { callApi } from './client';
import type { CallArgs } from './client';

/** Query keys start with method and path, so a mutation can invalidate every cached page of an endpoint. */
export function contractKey(contract: EndpointContract, input?: unknown): readonly unknown[] {
  return input === undefined ? [contract.method, contract.path] : [contract.method, contract.path, input];
}

type QueryOptions<C extends EndpointContract> = Omit<UseQueryOptions<ContractOutput<C>, Error>, 'queryKey' | 'queryFn'>;

/** Reads a GET endpoint through TanStack Query. */
export function useApiQuery<C extends EndpointContract>(contract: C, input: ContractInput<C> | undefined, options: QueryOptions<C> = {}) {
  return useQuery<ContractOutput<C>, Error>({
    queryKey: contractKey(contract, input ?? {}),
    queryFn: () => callApi(contract, ...([input] as CallArgs<C>)),
    ...options,
  });
}

/** Calls a changing endpoint; on success refreshes the listed GET endpoints. */
export function useApiMutation<C extends EndpointContract>(contract: C, options: { invalidates?: readonly EndpointContract[] } = {}) {
  const queryClient = useQueryClient();
  return useMutation<ContractOutput<C>, Error, ContractInput<C>>({
    mutationFn: (input) => callApi(contract, ...([input] as CallArgs<C>)),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((target) => queryClient.invalidateQueries({ queryKey: contractKey(target) })));
    },
  });
}
