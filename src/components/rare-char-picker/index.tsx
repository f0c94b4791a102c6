import { ScrollView, Text, View } from '@tarojs/components'
import { FieldInput } from '../form-field/controls'
import { useMemo, useState } from 'react'
import { searchRareChars } from '@domain/rare-chars'
import { NAME_DOT } from '@domain/person-name'
import './index.scss'

export interface RareCharPickerProps {
  /** Ids: `<id>` on the panel, `<id>-search`, `<id>-dot`, `<id>-char-<code point in hex>` (e.g. -char-5803 for 堃: ASCII ids work in every selector engine), `<id>-close`. */
  id: string
  onPick: (char: string) => void
  onClose: () => void
}

/** At most this many characters on screen at once (keeps the node count low on mini-programs). */
const SHOWN = 120

/**
 * 生僻字 panel: characters phone keyboards cannot type, searchable by pinyin, plus `·`. Picking inserts at the name
 * field's cursor; the panel stays open for the next character.
 */
export function RareCharPicker({ id, onPick, onClose }: RareCharPickerProps) {
  const [query, setQuery] = useState('')
  const matches = useMemo(() => searchRareChars(query), [query])
  return (
    <View className='rare-picker' id={id}>
      <View className='rare-picker__head'>
        <Text className='rare-picker__title'>生僻字</Text>
        <View className='rare-picker__close' id={`${id}-close`} onClick={onClose}>
          完成
        </View>
      </View>
      <View className='rare-picker__search-row'>
        <View className='rare-picker__search-box'>
          <FieldInput
            id={`${id}-search`}
            className='rare-picker__search'
            value={query}
            maxlength={12}
            placeholder='输入拼音查找，如 kun'
            onInput={(e) => setQuery(e.detail.value)}
          />
        </View>
        <View className='rare-picker__dot' id={`${id}-dot`} onClick={() => onPick(NAME_DOT)}>
          ·
        </View>
      </View>
      <ScrollView scrollY className='rare-picker__grid-box'>
        <View className='rare-picker__grid'>
          {matches.slice(0, SHOWN).map((r) => (
            <View
              key={r.char}
              id={`${id}-char-${(r.char.codePointAt(0) ?? 0).toString(16)}`}
              className='rare-picker__cell'
              onClick={() => onPick(r.char)}
            >
              <Text className='rare-picker__char'>{r.char}</Text>
              <Text className='rare-picker__pinyin'>{r.pinyin.split(' ')[0]}</Text>
            </View>
          ))}
        </View>
        {matches.length === 0 && (
          <Text className='rare-picker__empty' id={`${id}-empty`}>
            没有找到这个字。请在姓名中直接输入它的小写拼音（ü 写作 v），例如：张yan明
          </Text>
        )}
      </ScrollView>
      <Text className='rare-picker__note'>字库中找不到的字，请在姓名中输入其小写拼音代替。</Text>
    </View>
  )
}
