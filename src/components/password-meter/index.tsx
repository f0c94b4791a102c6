import { Text, View } from '@tarojs/components'
import { PASSWORD_STRENGTH_LABELS, passwordStrength } from '@domain/password'
import './index.scss'

/**
 * The live strength meter under a password: three bars and 弱/中/强. `id` is `<field id>-strength`; the strength is
 * in its class (`pw-meter--weak|medium|strong`), which every platform renders (a mini-program template never
 * renders a data attribute).
 */
export function PasswordMeter({ id, password }: { id: string; password: string }) {
  if (!password) return null
  const strength = passwordStrength(password)
  const level = strength === 'weak' ? 1 : strength === 'medium' ? 2 : 3
  return (
    <View className={`pw-meter pw-meter--${strength}`} id={id}>
      {[1, 2, 3].map((i) => (
        <View key={i} className={`pw-meter__bar ${i <= level ? 'pw-meter__bar--on' : ''}`} />
      ))}
      <Text className='pw-meter__label' id={`${id}-label`}>
        密码强度：{PASSWORD_STRENGTH_LABELS[strength]}
      </Text>
    </View>
  )
}
