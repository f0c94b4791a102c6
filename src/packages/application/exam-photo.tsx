import { Image } from '@tarojs/components'
import { imageAlt } from '../../components/a11y'

/** The exam photo as the wizard, the review and the 报名表 show it: one size, one accessible name. */
export function ExamPhoto({ id, src }: { id: string; src: string }) {
  return <Image id={id} className='apply-photo__image' src={src} mode='aspectFit' {...imageAlt('考试照片')} />
}
