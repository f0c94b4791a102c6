import crypto from 'node:crypto'
import type { Scenario, ScenarioContext } from '../../core/feature'
import fs from 'node:fs'
import path from 'node:path'
import type { State } from '../../core/store'
import { accountScenarios } from '../account'
import { emptyProfile, type StoredRecord } from './state'

/** A drawn ID-style photo (358×441, 92 KB, meets every photo rule) for scenarios that start with a photo. */
const DEMO_PHOTO = path.join(__dirname, 'data', 'demo-photo.jpg')

/**
 * One valid education record as a candidate adds it (the addRecord request's body), told apart by `certificateNo`:
 * what tests and the load bench post when they need a candidate with records.
 */
export function educationRecordInput(certificateNo: string) {
  return {
    certificateNo,
    school: '首都医科大学',
    graduationDate: '2020-07-01',
    major: '护理学',
    level: '本科',
    studyMode: '全日制',
  } as const
}

function record(kind: StoredRecord['kind'], now: number, fields: Partial<StoredRecord>): StoredRecord {
  return {
    id: crypto.randomUUID(),
    kind,
    certificateNo: '100231202007001234',
    school: '首都医科大学',
    otherSchool: null,
    graduationDate: '2012-07-01',
    major: '护理学',
    otherMajor: null,
    level: kind === 'education' ? '本科' : '学士',
    studyMode: '全日制',
    state: 'verified',
    reason: null,
    createdAt: new Date(now).toISOString(),
    ...fields,
  }
}

/**
 * Completes a candidate's hub, as if they had done it and QA had verified it: photo 核验通过, a verified education
 * record and degree record, and a platform account bound. 网上报名 is then open (for the application feature's tests).
 */
export function completeHub(state: State, accountId: string, { now, blobs }: ScenarioContext): void {
  const at = new Date(now).toISOString()
  const bytes = fs.readFileSync(DEMO_PHOTO)
  state.profile.byAccount.set(accountId, {
    ...emptyProfile(),
    photo: {
      state: 'passed',
      reason: null,
      size: bytes.length,
      width: 358,
      height: 441,
      uploadedAt: at,
      blob: blobs.putSync(bytes),
    },
    records: [
      record('education', now, { certificateNo: '100231201207001234' }),
      record('degree', now, { certificateNo: '1002342012001234' }),
    ],
  })
  state.profile.bindings.set(`weapp-demo-${accountId.slice(0, 8)}`, { accountId, platform: 'weapp', boundAt: at })
}

/** The hub's scenarios (the registry is mock-server/scenarios.ts). */
export const profileScenarios = {
  // The demo candidate with the personal-info hub complete (photo passed, verified records, bound): 网上报名 open.
  'hub-ready': (ctx: ScenarioContext) => {
    const state = accountScenarios.demo(ctx)
    completeHub(state, [...state.accounts.keys()][0], ctx)
    return state
  },
} satisfies Record<string, Scenario>
