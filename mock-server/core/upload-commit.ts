import type { FastifyRequest } from 'fastify'
import type { Store } from './store'

/**
 * How every upload that keeps something (the hub's photo, the exam photo, a material) lands in the state: the one
 * way, so a lock or a state change that arrives while the body is still on the wire always wins.
 *
 * An upload's body takes seconds on a phone; meanwhile the candidate (or a reviewer) may submit, confirm, change the
 * province, lock the photo, cancel the account. A check made before the body was read says nothing about the state
 * the file lands in. So:
 *
 * 1. the route checks its rule before reading the body (a quick refusal, nothing sent for nothing);
 * 2. reads, decodes and checks the file (core/uploads.ts; awaits);
 * 3. here: writes the bytes to the blob store (on disk with --data; awaits). A refused upload leaves an unreferenced
 *    blob, which the store's sweep removes;
 * 4. here, in one synchronous turn with no await in between: the session is authenticated again (logged out,
 *    cancelled), the route's rule runs again on the state as it is now (it throws the rule's own refusal), and only
 *    then does `commit` write the state. Node runs one turn at a time, so no other request can change the state
 *    between the final check and the write: whichever lands first (the upload's commit or the submission) wins.
 *
 * `allowed` must be synchronous and must read everything afresh from `store.state` (QA may replace the whole state);
 * `commit` must be synchronous too.
 */
export async function commitUpload<T>(
  store: Store,
  req: FastifyRequest,
  bytes: Buffer,
  allowed: () => void,
  commit: (blob: string) => T,
): Promise<T> {
  const blob = await store.blobs.put(bytes)
  // From here to the return, no await: the check and the write are one turn.
  store.identity.authenticate(req)
  allowed()
  const result = commit(blob)
  store.save()
  return result
}
