import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import { sharedOcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { suiteH5Rig } from '../support/h5-page'

jest.setTimeout(180_000)

const XUEXIN = path.join(__dirname, '..', 'fixtures', 'xuexin')
/** Set SCAN_SHOTS=<dir> to keep screenshots of the scanned form (for looking at it). */
const SHOTS = process.env.SCAN_SHOTS

/** The screenshot scanner (issue 6) in the H5 build: scan, see fields filled and marked, correct one, save. */
describe('scanning a 学信网 screenshot into the education form (H5)', () => {
  const rig = suiteH5Rig({ closing: () => sharedOcrEngine().close() })

  const $ = (selector: string) => rig.$(selector)
  const waitPage = (rootId: string) => rig.waitPage(rootId)
  const text = (id: string) => rig.text(id, 60000)
  const shot = (name: string) => rig.shot(SHOTS, name)

  /** The candidate of the phone fixture (王晓燕, 1998-05-12), logged in, on the education form. */
  async function openForm(username: string, name: string, birth: string): Promise<void> {
    await rig.mock.qaApi('createCandidate', {
      username,
      password: 'Scan#2026x',
      name,
      idNumber: makeIdNumber('440106', birth, '027'),
    })
    // Through the list, as a candidate comes: saving goes back to it.
    await rig.openLoggedIn(username, 'packages/profile/records/index?kind=education', 'education-page')
    await $('#education-add').click()
    await waitPage('education-form-page')
  }

  async function scan(fixture: string): Promise<void> {
    const chooser = rig.page.waitForEvent('filechooser')
    await $('#education-scan').click()
    await (await chooser).setFiles(path.join(XUEXIN, `${fixture}.jpg`))
  }

  test('fills and marks the fields, notes what is missing, and saves as 待核验 after a correction', async () => {
    await openForm('scanwang', '王晓燕', '19980512')
    await scan('phone-750-wang')
    await $('#education-scan-result').waitFor({ timeout: 90000 })
    await shot('scan-filled')

    expect(await $('#education-form-certificate input').inputValue()).toBe('121211202005000846')
    expect(await text('education-form-date')).toBe('2020-06-30')
    expect(await text('education-form-major')).toBe('护理学')
    expect(await text('education-form-level')).toBe('本科')
    expect(await text('education-form-mode')).toBe('全日制')
    for (const id of ['certificate', 'date', 'major', 'level', 'mode', 'school']) {
      expect(await text(`education-form-${id}-tag`)).toBe('请核对')
    }
    expect(await $('#education-scan-mismatch').count()).toBe(0)

    // The candidate corrects the certificate number: its mark goes, the others stay.
    await $('#education-form-certificate input').fill('121211202005000847')
    await $('#education-form-certificate-tag').waitFor({ state: 'detached' })
    expect(await $('#education-form-major-tag').count()).toBe(1)

    await $('#education-save').click()
    await waitPage('education-page')
    await $('#education-item-0').waitFor()
    expect(await text('education-item-0-status')).toBe('待核验')
  })

  test('a screenshot of something else gets a clear message and leaves the form for typing', async () => {
    await openForm('scanother', '王晓燕', '19980512')
    await scan('other-750')
    expect(await text('education-scan-not-xuexin')).toContain('不像学信网')
    expect(await $('#education-form-certificate input').inputValue()).toBe('')
  })

  test('a screenshot of someone else is flagged', async () => {
    await openForm('scanmismatch', '李四', '19900101')
    await scan('twocol-750-ouyang')
    expect(await text('education-scan-mismatch')).toBe(
      '截图中的姓名和出生日期与您的注册信息不一致，请确认是否为本人的记录。',
    )
    await shot('scan-mismatch')
  })
})
