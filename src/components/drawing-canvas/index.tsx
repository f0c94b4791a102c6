import { Canvas } from '@tarojs/components'
import './index.scss'

/**
 * The page's <canvas> a drawing is painted on before it is saved as an image (platform.renderDrawing: Alipay and
 * Baidu draw on it; WeChat and H5 paint off screen and leave it empty). Kept off screen, at the drawing's size in
 * CSS px: the canvas-id for swan/WeChat, the same `id` for Alipay (its createCanvasContext takes the id), and
 * Alipay's own width/height (its canvas is 300×225 unless told).
 * https://opendocs.alipay.com/mini/component/canvas
 */
export function DrawingCanvas({ canvasId, width, height }: { canvasId: string; width: number; height: number }) {
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
