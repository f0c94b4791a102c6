import { Canvas } from '@tarojs/components'
import { platform } from '../../platform/platform'
import './index.scss'

/**
 * The page's <canvas> a drawing is painted on before it is saved as an image (platform.renderDrawing), where the
 * platform paints on one (capabilities.pageCanvas: Alipay, Baidu; WeChat and H5 paint off screen). Kept off screen, at the drawing's size in
 * CSS px: the canvas-id for swan/WeChat, the same `id` for Alipay (its createCanvasContext takes the id), and
 * Alipay's own width/height (its canvas is 300×225 unless told).
 * https://opendocs.alipay.com/mini/component/canvas
 */
export function DrawingCanvas({ canvasId, width, height }: { canvasId: string; width: number; height: number }) {
  if (!platform.capabilities.pageCanvas) return null
  return (
    <Canvas
      canvasId={canvasId}
      id={canvasId}
      className='drawing-canvas'
      width={`${width}px`}
      height={`${height}px`}
      style={{ width: `${width}px`, height: `${height}px` }}
    />
  )
}
