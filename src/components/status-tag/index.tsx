import { Text } from '@tarojs/components'
import type { StatusMeaning } from '@domain/glossary'
import './index.scss'

export type { StatusMeaning }

/**
 * A status word (核验通过, 待核验 ...) coloured by what it means for the candidate (domain/glossary.ts): done green,
 * current blue (their turn), waiting grey (someone else's turn, or not yet), refused red. `data-meaning` carries it
 * for tests (weapp templates drop data attributes: the class `status-tag--<meaning>` says it there).
 */
export function StatusTag({ id, meaning, children }: { id?: string; meaning: StatusMeaning; children: string }) {
  return (
    <Text id={id} className={`status-tag status-tag--${meaning}`} data-meaning={meaning}>
      {children}
    </Text>
  )
}
