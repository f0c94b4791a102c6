import { create } from 'zustand'
import { onRetryStatus, type RetryStatus } from '../api/retry-status'

/** The network's state as the candidate sees it: whether a call is waiting to retry (fed by the API client). */
interface NetworkState {
  retry: RetryStatus | null
}

export const useNetwork = create<NetworkState>(() => ({ retry: null }))

onRetryStatus((retry) => useNetwork.setState({ retry }))
export type { RetryStatus }
