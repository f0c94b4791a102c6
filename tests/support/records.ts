import { educationRecordInput } from '../../mock-server/scenarios'
/**
 * Adds an education record straight through the API (as the app would), for tests that need a candidate with records
 * already there. `certificateNo` tells records apart; the rest is one valid record.
 */
export function postEducationRecord(mockUrl: string, token: string, certificateNo: string): Promise<Response> {
  return fetch(`${mockUrl}/api/profile/records/education`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(educationRecordInput(certificateNo)),
  })
}
