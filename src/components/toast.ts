import Taro from '@tarojs/taro'

/** Short messages over the page. Long Chinese text needs icon 'none' (icons cut text to 7 characters). */
export const toast = {
  info: (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 }),
  success: (title: string) => Taro.showToast({ title, icon: title.length > 7 ? 'none' : 'success', duration: 2000 }),
  error: (title: string) => Taro.showToast({ title, icon: 'none', duration: 3000 }),
}
