/**
 * WeChat's official typings (miniprogram-api-typings) for the platform layer, without the globals its index declares:
 * that index also declares `wx`, `console`, `require`, `module`, `setTimeout` and the page constructors as globals of
 * a mini-program's own engine, which would clash with Node's in this one program (tests, tools, the mock server).
 * Only the namespace `WechatMiniprogram` comes in; platform.weapp.ts declares its own module-scoped
 * `wx: WechatMiniprogram.Wx`, so no other file can reach `wx`.
 * https://github.com/wechat-miniprogram/api-typings (npm: miniprogram-api-typings)
 */
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.api" />
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.cloud" />
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.canvas" />
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.event" />
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.wasm" />
/// <reference types="miniprogram-api-typings/types/wx/lib.wx.skyline" />

/* eslint-disable @typescript-eslint/no-explicit-any */
// The helper types the typings' index (types/wx/index.d.ts) declares beside its globals, as it declares them.
declare namespace WechatMiniprogram {
  type IAnyObject = Record<string, any>
  type Optional<F> = F extends (arg: infer P) => infer R ? (arg?: P) => R : F
  type OptionalInterface<T> = { [K in keyof T]: Optional<T[K]> }
  interface AsyncMethodOptionLike {
    success?: (...args: any[]) => void
  }
  type PromisifySuccessResult<P, T extends AsyncMethodOptionLike> = P extends {
    success: any
  }
    ? void
    : P extends { fail: any }
      ? void
      : P extends { complete: any }
        ? void
        : Promise<Parameters<Exclude<T['success'], undefined>>[0]>
  type IIRFilterNode = any
  type WaveShaperNode = any
  type ConstantSourceNode = any
  type OscillatorNode = any
  type GainNode = any
  type BiquadFilterNode = any
  type PeriodicWaveNode = any
  type AudioNode = any
  type ChannelSplitterNode = any
  type ChannelMergerNode = any
  type DelayNode = any
  type DynamicsCompressorNode = any
  type ScriptProcessorNode = any
  type PannerNode = any
  type AnalyserNode = any
  type WebGLTexture = any
  type WebGLRenderingContext = any
}
