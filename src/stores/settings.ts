import Taro from '@tarojs/taro'
import { create } from 'zustand'

/** Device-level preferences, kept in storage. */
interface SettingsState {
  largeFont: boolean
  setLargeFont: (on: boolean) => void
}

const KEY = 'settings.largeFont'

function readLargeFont(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

export const useSettings = create<SettingsState>((set) => ({
  largeFont: readLargeFont(),
  setLargeFont: (on) => {
    try {
      Taro.setStorageSync(KEY, on)
    } catch {
      // Not saved: it still applies until the app closes.
    }
    set({ largeFont: on })
  },
}))
