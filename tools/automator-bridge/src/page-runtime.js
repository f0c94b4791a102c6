/* eslint-disable */
// Runs inside the H5 app's page (injected as plain text, so no compiler touches it). The bridge calls
// window.__automatorBridge.run(name, args) and always gets back { value } or { error }, never a throw.
;(function () {
  if (window.__automatorBridge) return

  // One token per page load: element ids carry it, so an id is never reused after a reload.
  var loadToken = Date.now().toString(36) + Math.random().toString(36).slice(2, 6)
  var nextElement = 1
  var elementIds = new WeakMap()
  var elements = new Map()
  var mocks = new Map()

  var COMPONENTS = [
    'view',
    'text',
    'image',
    'input',
    'textarea',
    'button',
    'checkbox',
    'checkbox-group',
    'radio',
    'radio-group',
    'switch',
    'slider',
    'picker',
    'picker-view',
    'picker-view-column',
    'scroll-view',
    'swiper',
    'swiper-item',
    'form',
    'label',
    'icon',
    'progress',
    'rich-text',
    'navigator',
    'video',
    'canvas',
    'movable-area',
    'movable-view',
    'cover-view',
    'cover-image',
    'web-view',
    'audio',
    'camera',
    'editor',
    'map',
    'block',
  ]
  var IS_COMPONENT = {}
  COMPONENTS.forEach(function (c) {
    IS_COMPONENT[c] = true
  })

  function fail(message) {
    var err = new Error(message)
    err.bridge = true
    throw err
  }

  function unique(list) {
    return list.filter(function (x, i) {
      return list.indexOf(x) === i
    })
  }

  function taro() {
    var t = window.__candidateTaro
    if (!t) fail("the app does not expose Taro (globalThis.__candidateTaro): is this the app's H5 build?")
    return t
  }

  function platform() {
    var p = window.__candidatePlatform
    if (!p) fail('the app does not expose its platform layer (globalThis.__candidatePlatform)')
    return p
  }

  // --- pages -------------------------------------------------------------------------------------------------

  function stackEntries() {
    var t = window.__candidateTaro
    var list = []
    if (t && typeof t.getCurrentPages === 'function') {
      t.getCurrentPages().forEach(function (p) {
        list.push({
          key: p.path || p.$taroPath,
          route: p.route || '',
          options: Object.assign({}, p.$taroParams, p.options),
        })
      })
    } else {
      // Without Taro, the router's page containers in DOM order (hidden ones are earlier pages).
      document.querySelectorAll('.taro_router > .taro_page').forEach(function (el) {
        list.push({ key: el.id, route: el.id.replace(/\?.*$/, ''), options: {} })
      })
    }
    return list.map(function (e) {
      var query = {}
      Object.keys(e.options).forEach(function (k) {
        if (k !== 'stamp' && k !== '$taroTimestamp') query[k] = e.options[k]
      })
      return { key: e.key, path: String(e.route).replace(/^\//, ''), query: query }
    })
  }

  function pageRoot(key) {
    var found = null
    document.querySelectorAll('.taro_page').forEach(function (el) {
      if (el.id === key) found = el
    })
    return found
  }

  // The router is idle when every page container in the DOM is a page of the stack and every page of the stack has
  // one (none arriving or leaving), the top one has slid in (shown, stationed, not shaded) and is the page Taro
  // considers current. Only then may the next route call go out: Taro's router unloads `Current.page` on reLaunch,
  // so a reLaunch during a back navigation's slide-out unloads the wrong page and the old one stays on screen.
  function routerIdle(stack) {
    var keys = stack.map(function (e) {
      return e.key
    })
    var containers = Array.prototype.map.call(document.querySelectorAll('.taro_page'), function (el) {
      return el.id
    })
    if (containers.length !== keys.length) return false
    for (var i = 0; i < containers.length; i++) if (keys.indexOf(containers[i]) < 0) return false
    var t = window.__candidateTaro
    var current = t && typeof t.getCurrentInstance === 'function' ? t.getCurrentInstance().page : null
    return !current || !keys.length || current.path === keys[keys.length - 1]
  }

  // The container of the page on top of the stack (hidden pages below it keep their shown classes).
  function shownPage() {
    var stack = stackEntries()
    return stack.length ? pageRoot(stack[stack.length - 1].key) : null
  }

  function pageState() {
    var stack = stackEntries()
    var top = stack[stack.length - 1]
    var root = top ? pageRoot(top.key) : null
    var shown =
      !!root &&
      root.classList.contains('taro_page_show') &&
      root.classList.contains('taro_page_stationed') &&
      !root.classList.contains('taro_page_shade')
    return { token: loadToken, stack: stack, topReady: shown && routerIdle(stack) }
  }

  // --- selectors and elements ----------------------------------------------------------------------------------

  // Mini-program tag names become Taro's H5 custom elements; ids, classes and attribute tests stay as they are.
  function translateSelector(selector) {
    var out = ''
    var i = 0
    while (i < selector.length) {
      var ch = selector[i]
      if (ch === '[' || ch === '"' || ch === "'") {
        var close = ch === '[' ? ']' : ch
        var j = selector.indexOf(close, i + 1)
        if (j < 0) j = selector.length - 1
        out += selector.slice(i, j + 1)
        i = j + 1
        continue
      }
      if (/[a-zA-Z_]/.test(ch)) {
        var m = /^[a-zA-Z_][\w-]*/.exec(selector.slice(i))
        var word = m[0]
        var prev = out.length ? out[out.length - 1] : ''
        var isTag = prev === '' || /[\s>+~,(]/.test(prev)
        out += isTag && IS_COMPONENT[word.toLowerCase()] ? 'taro-' + word.toLowerCase() + '-core' : word
        i += word.length
        continue
      }
      if (ch === '\\') {
        out += selector.slice(i, i + 2)
        i += 2
        continue
      }
      out += ch
      i += 1
    }
    return out
  }

  function miniTagName(el) {
    var tag = el.tagName.toLowerCase()
    var m = /^taro-(.+)-core$/.exec(tag)
    return m ? m[1] : tag
  }

  function register(el) {
    var id = elementIds.get(el)
    if (!id) {
      id = loadToken + '-' + nextElement++
      elementIds.set(el, id)
      elements.set(id, el)
    }
    return { elementId: id, tagName: miniTagName(el) }
  }

  function getElement(elementId) {
    var el = elements.get(elementId)
    if (!el) fail('element ' + elementId + ' does not exist (it belonged to an earlier load of the app)')
    if (!el.isConnected) fail('element ' + elementId + ' (' + miniTagName(el) + ') is no longer on the page')
    return el
  }

  function scopeOf(scope) {
    if (scope.elementId) return getElement(scope.elementId)
    var root = pageRoot(scope.pageKey)
    if (!root) fail('page ' + scope.pageKey + ' is not on the page stack any more')
    return root
  }

  function query(scope, selector, all) {
    if (typeof selector !== 'string' || !selector.trim()) fail('selector must be a non-empty string')
    var css = translateSelector(selector)
    var root = scopeOf(scope)
    var found
    try {
      found = Array.prototype.slice.call(root.querySelectorAll(css))
    } catch (e) {
      fail('invalid selector "' + selector + '" (as CSS: ' + css + ')')
    }
    if (all) return { elements: found.map(register) }
    if (!found.length)
      fail('no element matches selector "' + selector + '"' + (scope.label ? ' on ' + scope.label : ''))
    return register(found[0])
  }

  function innerField(el) {
    var tag = miniTagName(el)
    if (tag === 'input' || tag === 'textarea') return el.querySelector(tag === 'input' ? 'input' : 'textarea')
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return el
    return null
  }

  // Taro's input components draw their inner <input> a moment after the host element appears: wait for it.
  function whenField(el, timeoutMs) {
    var deadline = Date.now() + timeoutMs
    return new Promise(function (resolve, reject) {
      ;(function check() {
        var field = innerField(el)
        if (field) return resolve(field)
        if (Date.now() > deadline) {
          var err = new Error(miniTagName(el) + ' has no text field to type into')
          return reject(err)
        }
        setTimeout(check, 25)
      })()
    })
  }

  function setFieldValue(el, value) {
    return whenField(el, 3000).then(function (field) {
      typeInto(field, value)
      return null
    })
  }

  function typeInto(field, value) {
    var proto = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
    field.focus()
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(field, String(value))
    // Taro's Input listens to the native input event and hands React e.detail.value.
    field.dispatchEvent(new Event('input', { bubbles: true }))
  }

  function pageContainerOf(el) {
    return el.closest ? el.closest('.taro_page') : null
  }

  function prepareTap(elementId) {
    var el = getElement(elementId)
    var root = pageContainerOf(el)
    if (root) {
      var onStack = stackEntries().some(function (e) {
        return e.key === root.id
      })
      if (!onStack)
        fail('element ' + elementId + ' (' + miniTagName(el) + ') belongs to a page that has left the page stack')
      if (!root.classList.contains('taro_page_stationed')) return { wait: true }
    }
    el.scrollIntoView({ block: 'center', inline: 'center' })
    var r = el.getBoundingClientRect()
    var x = r.left + r.width / 2
    var y = r.top + r.height / 2
    var hitEl = r.width > 0 && r.height > 0 ? document.elementFromPoint(x, y) : null
    var hit = !!(hitEl && (hitEl === el || el.contains(hitEl)))
    if (hit) armTap(el)
    return { x: x, y: y, hit: hit }
  }

  // The pointer click follows prepareTap in a separate round trip, and the page may move in between (an image loads,
  // a sheet finishes closing). The devtools tap the node itself, so a click that lands on anything else is swallowed
  // before the page sees it, and the bridge aims again (tapLanded).
  var armed = null

  function armTap(el) {
    disarmTap()
    var entry = { el: el, landed: null }
    entry.listener = function (e) {
      window.removeEventListener('click', entry.listener, true)
      entry.landed = e.target === entry.el || entry.el.contains(e.target)
      if (!entry.landed) {
        e.stopImmediatePropagation()
        e.preventDefault()
      }
    }
    window.addEventListener('click', entry.listener, true)
    armed = entry
  }

  function disarmTap() {
    if (armed) window.removeEventListener('click', armed.listener, true)
    armed = null
  }

  /** After the pointer click: false when it landed elsewhere (and was swallowed), else true. */
  function tapLanded() {
    var entry = armed
    disarmTap()
    return !entry || entry.landed !== false
  }

  function syntheticTap(elementId) {
    var el = getElement(elementId)
    el.click()
    return null
  }

  function propNames(el) {
    var names = {}
    Array.prototype.forEach.call(el.attributes, function (a) {
      names[a.name] = true
    })
    ;[
      'id',
      'class',
      'style',
      'hidden',
      'dataset',
      'value',
      'checked',
      'disabled',
      'placeholder',
      'src',
      'mode',
      'maxlength',
      'type',
      'password',
      'focus',
      'name',
      'current',
      'scrollTop',
      'scrollLeft',
      'selected',
    ].forEach(function (n) {
      names[n] = true
    })
    return names
  }

  function property(el, name) {
    if (name === '__propPublic') return propNames(el)
    var field = innerField(el)
    if (name === 'value' && field) return field.value
    var tag = miniTagName(el)
    if ((tag === 'checkbox' || tag === 'radio' || tag === 'switch') && name === 'checked') {
      var box = el.querySelector('input')
      if (box) return box.checked
    }
    if (name === 'class') return el.className
    if (name === 'dataset') return Object.assign({}, el.dataset)
    if (name in el && typeof el[name] !== 'function') {
      var v = el[name]
      if (v === null || ['string', 'number', 'boolean'].indexOf(typeof v) >= 0) return v
    }
    if (el.hasAttribute(name)) {
      var attr = el.getAttribute(name)
      return attr === 'true' ? true : attr === 'false' ? false : attr
    }
    return null
  }

  // Taro H5 classes that no mini-program template renders (Stencil's hydration mark, Taro's own component classes).
  var H5_CLASS = /^(hydrated|taro-[a-z-]+-core|weui-[\w-]+)$/

  function miniClass(el) {
    return String(el.getAttribute('class') || '')
      .split(/\s+/)
      .filter(function (c) {
        return c && !H5_CLASS.test(c)
      })
      .join(' ')
  }

  function isComponent(node) {
    return node.nodeType === 1 && /^taro-[a-z-]+-core$/.test(node.tagName.toLowerCase())
  }

  // Attributes a mini-program template renders: no data-* (Taro keeps the dataset in its runtime, the templates only
  // carry its own data-sid), no H5-only classes.
  function miniAttributes(el) {
    var out = []
    Array.prototype.forEach.call(el.attributes, function (a) {
      if (/^data-/.test(a.name)) return
      if (a.name === 'class') {
        var cls = miniClass(el)
        if (cls) out.push(['class', cls])
        return
      }
      out.push([a.name, a.value])
    })
    return out
  }

  function escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  }

  // The mini-program tree under a node: Taro's components become their mini-program tags; the native elements a
  // component draws for itself on H5 (the <img> of an image, the <input> of an input or checkbox, hidden form inputs,
  // a picker's overlay) are its implementation and are left out; text stays.
  function serializeChildren(node, componentsOnly) {
    var html = ''
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3 && !componentsOnly) html += escapeText(child.nodeValue)
      else if (isComponent(child)) html += serialize(child)
      // A plain element is Taro H5's own (with its text: a picker's option labels, an icon): only app components
      // under it are kept.
      else if (child.nodeType === 1) html += serializeChildren(child, true)
    })
    return html
  }

  function serialize(el) {
    var tag = miniTagName(el)
    var attrs = miniAttributes(el)
      .map(function (a) {
        return ' ' + a[0] + '="' + a[1].replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"'
      })
      .join('')
    return '<' + tag + attrs + '>' + serializeChildren(el) + '</' + tag + '>'
  }

  function wxml(el, outer) {
    return outer ? serialize(el) : serializeChildren(el)
  }

  function styleOf(el, name) {
    var cs = getComputedStyle(el)
    var kebab = name.replace(/[A-Z]/g, function (c) {
      return '-' + c.toLowerCase()
    })
    return cs.getPropertyValue(kebab) || cs[name] || ''
  }

  function offsetOf(el) {
    var r = el.getBoundingClientRect()
    var root = pageContainerOf(el)
    if (!root) return { left: r.left + window.scrollX, top: r.top + window.scrollY }
    var rr = root.getBoundingClientRect()
    return { left: r.left - rr.left + root.scrollLeft, top: r.top - rr.top + root.scrollTop }
  }

  function fireEvent(el, type, detail) {
    if (type === 'tap') {
      el.click()
      return null
    }
    var field = innerField(el)
    if ((type === 'input' || type === 'change') && field && detail && 'value' in detail) {
      typeInto(field, detail.value)
      if (type === 'change') field.dispatchEvent(new Event('change', { bubbles: true }))
      return null
    }
    if ((type === 'focus' || type === 'blur') && field) {
      type === 'focus' ? field.focus() : field.blur()
      field.dispatchEvent(new FocusEvent(type))
      return null
    }
    var ev = new CustomEvent(type, { detail: detail === undefined ? {} : detail, bubbles: true, cancelable: true })
    el.dispatchEvent(ev)
    return null
  }

  function touch(el, type, params) {
    var r = el.getBoundingClientRect()
    function toTouches(list) {
      if (!list || !list.length)
        list = [{ identifier: 0, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }]
      return list.map(function (t, i) {
        var cx =
          t.clientX !== undefined ? t.clientX : t.pageX !== undefined ? t.pageX - window.scrollX : r.left + r.width / 2
        var cy =
          t.clientY !== undefined ? t.clientY : t.pageY !== undefined ? t.pageY - window.scrollY : r.top + r.height / 2
        return new Touch({
          identifier: t.identifier !== undefined ? t.identifier : i,
          target: el,
          clientX: cx,
          clientY: cy,
          pageX: cx + window.scrollX,
          pageY: cy + window.scrollY,
        })
      })
    }
    // The SDK's typings say changeTouches; the devtools' docs say changedTouches: take either.
    var changedList = params.changeTouches || params.changedTouches
    var touches = type === 'touchend' || type === 'touchcancel' ? [] : toTouches(params.touches)
    var changed = toTouches(changedList && changedList.length ? changedList : params.touches)
    el.dispatchEvent(
      new TouchEvent(type, {
        bubbles: true,
        cancelable: true,
        touches: touches,
        targetTouches: touches,
        changedTouches: changed,
      }),
    )
    return null
  }

  function scrollTarget(el) {
    // Taro's scroll-view scrolls itself or its first child, depending on the version.
    if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) return el
    var inner = el.firstElementChild
    return inner && (inner.scrollHeight > inner.clientHeight || inner.scrollWidth > inner.clientWidth) ? inner : el
  }

  function callElementFunction(el, name, args) {
    var tag = miniTagName(el)
    switch (name) {
      case 'input.input':
      case 'textarea.input':
        return setFieldValue(el, args[0])
      case 'switch.tap': {
        var box = el.querySelector('input') || el
        box.click()
        return null
      }
      case 'scroll-view.scrollTo': {
        var s = scrollTarget(el)
        s.scrollTo(args[0] || 0, args[1] || 0)
        s.dispatchEvent(new Event('scroll', { bubbles: true }))
        return null
      }
      case 'scroll-view.scrollTop':
        return scrollTarget(el).scrollTop
      case 'scroll-view.scrollLeft':
        return scrollTarget(el).scrollLeft
      case 'scroll-view.scrollWidth':
        return scrollTarget(el).scrollWidth
      case 'scroll-view.scrollHeight':
        return scrollTarget(el).scrollHeight
    }
    fail('Element.callFunction ' + name + ' is not supported by the H5 bridge (on ' + tag + ')')
  }

  // --- wx names, the platform layer and mocks -------------------------------------------------------------------

  function errMsgOf(x) {
    return x && typeof x === 'object' && typeof x.errMsg === 'string' ? x.errMsg : ''
  }

  function sourceOf(opts) {
    var st = (opts && opts.sourceType) || []
    if (st.length === 1) return st[0] === 'camera' ? 'camera' : 'album'
    return 'any'
  }

  // --- files a spec writes (wx.env.USER_DATA_PATH) -------------------------------------------------------------------

  // In the devtools a mock writes a picked image with wx.getFileSystemManager() under wx.env.USER_DATA_PATH and hands
  // its path to the app. Here those files are Blobs in the page, and a path of one becomes a blob: URL (what a picked
  // file is in a browser) on its way into the app's platform layer.
  var USER_DATA_PATH = 'wxfile://usr'
  var files = new Map()
  var fileUrls = new Map()

  function toBlob(data, encoding) {
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new Blob([data])
    if (encoding === 'base64') {
      var binary = atob(String(data))
      var bytes = new Uint8Array(binary.length)
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      return new Blob([bytes])
    }
    return new Blob([String(data)])
  }

  function fileSystemManager() {
    function need(name, path) {
      if (!files.has(String(path))) throw { errMsg: name + ':fail no such file or directory ' + path }
    }
    var fsm = {
      writeFileSync: function (filePath, data, encoding) {
        if (String(filePath).indexOf(USER_DATA_PATH + '/') !== 0)
          throw { errMsg: 'writeFileSync:fail permission denied, open ' + filePath }
        files.set(String(filePath), toBlob(data, encoding))
      },
      accessSync: function (path) {
        need('accessSync', path)
      },
      unlinkSync: function (path) {
        need('unlinkSync', path)
        files.delete(String(path))
      },
      getFileInfo: asyncApi('getFileInfo', function (o) {
        need('getFileInfo', o.filePath)
        return { size: files.get(String(o.filePath)).size }
      }),
    }
    fsm.writeFile = asyncApi('writeFile', function (o) {
      fsm.writeFileSync(o.filePath, o.data, o.encoding)
    })
    return fsm
  }

  /** A path the app can read: a written file's blob: URL, anything else as it is. */
  function appPath(path) {
    var key = String(path)
    if (!files.has(key)) return path
    if (!fileUrls.has(key)) fileUrls.set(key, URL.createObjectURL(files.get(key)))
    return fileUrls.get(key)
  }

  function fileSize(path, given) {
    if (given) return given
    var blob = files.get(String(path))
    return blob ? blob.size : 0
  }

  // WeChat's answers per template (wx.requestSubscribeMessage).
  var SUBSCRIBE_ANSWERS = [
    'accept',
    'acceptWithAlert',
    'acceptWithAudio',
    'acceptWithForcePush',
    'reject',
    'ban',
    'filter',
  ]
  // wx API name -> the platform layer's method, with both directions of argument and result translation, so a
  // spec written for the WeChat devtools (wx shapes) drives the H5 platform layer the same way.

  var PLATFORM_MAP = {
    login: {
      method: 'getLoginCode',
      toPlatformArgs: function () {
        return []
      },
      toWxOptions: function () {
        return {}
      },
      toPlatformResult: function (r) {
        return r && typeof r === 'object' ? r.code : r
      },
      toWxResult: function (v) {
        return { code: v, errMsg: 'login:ok' }
      },
    },
    startFacialRecognitionVerify: {
      method: 'verifyFace',
      toPlatformArgs: function (o) {
        o = o || {}
        return [{ verifyId: o.verifyId || '', name: o.name || '', idNumber: o.idCardNumber || o.idNumber || '' }]
      },
      toWxOptions: function (req) {
        req = req || {}
        return { name: req.name, idCardNumber: req.idNumber, verifyId: req.verifyId }
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        if (r && r.errCode === 0 && errMsgOf(r).indexOf(':fail') < 0) return 'pass'
        if ((r && r.errCode === 90100) || /cancel/.test(errMsgOf(r))) return 'cancel'
        return 'fail'
      },
      toWxResult: function (v) {
        var n = 'startFacialRecognitionVerify'
        if (v === 'pass') return { errCode: 0, errMsg: n + ':ok' }
        if (v === 'cancel') return { errCode: 90100, errMsg: n + ':fail cancel' }
        return { errCode: -1, errMsg: n + ':fail' }
      },
    },
    // WeChat's current 人脸核身 screen: only the server-issued verifyId goes in; errCode 0 means it finished, the
    // server then asks WeChat (queryVerifyInfo). 90001/90109 no face detection on this phone, 90002-90006 cancelled.
    // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
    requestFacialVerify: {
      method: 'verifyFace',
      toPlatformArgs: function (o) {
        return [{ verifyId: (o && o.verifyId) || '' }]
      },
      toWxOptions: function (req) {
        return { verifyId: (req && req.verifyId) || '' }
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        var code = r && r.errCode
        var failed = errMsgOf(r).indexOf(':fail') >= 0
        if (!failed && (code === undefined || code === 0)) return 'pass'
        if (code === 90001 || code === 90109) return 'unsupported'
        if ((code >= 90002 && code <= 90006) || /cancel/.test(errMsgOf(r))) return 'cancel'
        return 'fail'
      },
      toWxResult: function (v) {
        var n = 'requestFacialVerify'
        if (v === 'pass') return { errCode: 0, errMsg: n + ':ok' }
        if (v === 'cancel') return { errCode: 90002, errMsg: n + ':fail cancel' }
        if (v === 'unsupported') return { errCode: 90001, errMsg: n + ':fail' }
        return { errCode: 90011, errMsg: n + ':fail' }
      },
    },
    // Alipay's 身份验证 screen, in my.* terms (for specs written for the Alipay IDE): resultStatus 9000 finished,
    // 6001 cancelled. https://help.aliyun.com/document_detail/144545.htm
    startAPVerify: {
      method: 'verifyFace',
      toPlatformArgs: function (o) {
        return [{ verifyId: (o && o.certifyId) || '', certifyUrl: (o && o.url) || '' }]
      },
      toWxOptions: function (req) {
        return { certifyId: (req && req.verifyId) || '', url: (req && req.certifyUrl) || '' }
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        var status = r && r.resultStatus
        if (status === '9000') return 'pass'
        if (status === '6001') return 'cancel'
        return r && r.result && r.result.errorCode === 'DEVICE_NOT_SUPPORT' ? 'unsupported' : 'fail'
      },
      toWxResult: function (v) {
        if (v === 'pass') return { resultStatus: '9000', result: null }
        if (v === 'cancel') return { resultStatus: '6001', result: null }
        return {
          resultStatus: '4000',
          result: { errorCode: v === 'unsupported' ? 'DEVICE_NOT_SUPPORT' : 'SYSTEM_ERROR' },
        }
      },
    },
    requestPayment: {
      method: 'requestPayment',
      toPlatformArgs: function (o) {
        o = o || {}
        return [o.orderId || '', o]
      },
      toWxOptions: function (orderId, payParams) {
        return Object.assign({ orderId: orderId }, payParams || {})
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        var m = errMsgOf(r)
        if (/cancel/.test(m)) return 'cancel'
        return m.indexOf(':fail') >= 0 ? 'fail' : 'success'
      },
      toWxResult: function (v) {
        return {
          errMsg:
            v === 'success' || v === 'pending'
              ? 'requestPayment:ok'
              : v === 'cancel'
                ? 'requestPayment:fail cancel'
                : 'requestPayment:fail',
        }
      },
    },
    requestSubscribeMessage: {
      method: 'requestSubscribe',
      toPlatformArgs: function (o) {
        return [(o && o.tmplIds) || []]
      },
      toWxOptions: function (ids) {
        return { tmplIds: ids || [] }
      },
      // The platform layer's SubscribeResult (src/platform/types.ts): each template's answer in WeChat's words; a
      // failure by WeChat's errCode (20004 the candidate switched messages off, 1000x/2000x the templates).
      toPlatformResult: function (r, wxOptions) {
        var ids = (wxOptions && wxOptions.tmplIds) || []
        if (!r || /:fail/.test(String(r.errMsg || ''))) {
          var code = r && r.errCode
          var failure =
            code === 20004
              ? 'switched-off'
              : [10001, 10004, 20001, 20002, 20003].indexOf(code) >= 0
                ? 'templates'
                : 'unavailable'
          return { outcome: 'reject', answers: {}, failure: failure, code: code }
        }
        var answers = {}
        var accepted = false
        ids.forEach(function (id) {
          var a = SUBSCRIBE_ANSWERS.indexOf(r[id]) >= 0 ? r[id] : 'reject'
          answers[id] = a
          if (a.indexOf('accept') === 0) accepted = true
        })
        return { outcome: accepted ? 'accept' : 'reject', answers: answers, failure: null }
      },
      toWxResult: function (v) {
        var res = { errMsg: 'requestSubscribeMessage:ok' }
        Object.keys((v && v.answers) || {}).forEach(function (id) {
          res[id] = v.answers[id]
        })
        return res
      },
    },
    // Saving the ticket or certificate image: errMsg "auth deny" (or "authorize") when the album permission is
    // refused. https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
    saveImageToPhotosAlbum: {
      method: 'saveImage',
      toPlatformArgs: function (o) {
        return [(o && o.filePath) || '', 'image.png']
      },
      toWxOptions: function (path) {
        return { filePath: path }
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        var m = errMsgOf(r)
        if (/auth|authoriz/.test(m)) return 'denied'
        if (/cancel/.test(m)) return 'cancel'
        return m.indexOf(':fail') >= 0 ? 'failed' : 'saved'
      },
      toWxResult: function (v) {
        var n = 'saveImageToPhotosAlbum'
        if (v === 'saved') return { errMsg: n + ':ok' }
        if (v === 'denied') return { errMsg: n + ':fail auth deny' }
        if (v === 'cancel') return { errMsg: n + ':fail cancel' }
        return { errMsg: n + ':fail' }
      },
    },
    // The ticket's map (platform.openLocation): a wx-shaped refusal ("openLocation:fail ...") is the platform layer's
    // `failed`, or `privacy` for WeChat's privacy popup refused (errno 104/112).
    // https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
    openLocation: {
      method: 'openLocation',
      toPlatformArgs: function (o) {
        o = o || {}
        return [{ latitude: o.latitude, longitude: o.longitude, name: o.name || '', address: o.address || '' }]
      },
      toWxOptions: function (place) {
        return Object.assign({}, place || {})
      },
      toPlatformResult: function (r) {
        if (typeof r === 'string') return r
        var m = errMsgOf(r)
        if (m.indexOf(':fail') < 0) return 'opened'
        return (r && (r.errno === 104 || r.errno === 112)) || /privacy/.test(m) ? 'privacy' : 'failed'
      },
      toWxResult: function (v) {
        return { errMsg: v === 'opened' ? 'openLocation:ok' : 'openLocation:fail ' + v }
      },
    },
    chooseImage: {
      method: 'chooseImage',
      toPlatformArgs: function (o) {
        return [sourceOf(o)]
      },
      toWxOptions: function (source) {
        return { count: 1, sourceType: source === 'any' ? ['album', 'camera'] : [source] }
      },
      toPlatformResult: function (r) {
        if (r === null || /cancel/.test(errMsgOf(r))) return null
        var f = r && r.tempFiles && r.tempFiles[0]
        if (f) {
          var p = f.path || f.tempFilePath
          return { path: appPath(p), size: fileSize(p, f.size) }
        }
        if (r && r.tempFilePaths && r.tempFilePaths[0])
          return { path: appPath(r.tempFilePaths[0]), size: fileSize(r.tempFilePaths[0], 0) }
        return r
      },
      toWxResult: function (v) {
        if (!v) return { errMsg: 'chooseImage:fail cancel' }
        return { errMsg: 'chooseImage:ok', tempFilePaths: [v.path], tempFiles: [{ path: v.path, size: v.size }] }
      },
    },
  }
  PLATFORM_MAP.chooseMedia = Object.assign({}, PLATFORM_MAP.chooseImage, {
    toWxResult: function (v) {
      if (!v) return { errMsg: 'chooseMedia:fail cancel' }
      return {
        errMsg: 'chooseMedia:ok',
        type: 'image',
        tempFiles: [{ tempFilePath: v.path, size: v.size, fileType: 'image' }],
      }
    },
  })

  var PLATFORM_METHODS = [
    'getLoginCode',
    'chooseImage',
    'getImageInfo',
    'uploadFile',
    'verifyFace',
    'requestPayment',
    'requestSubscribe',
  ]
  var ROUTES = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']

  // wx-style async API: callbacks and a promise, errMsg "<name>:ok" or "<name>:fail ...".
  function asyncApi(name, fn) {
    return function (options) {
      options = options || {}
      return Promise.resolve()
        .then(function () {
          return fn(options)
        })
        .then(
          function (res) {
            res = Object.assign({ errMsg: name + ':ok' }, res || {})
            if (typeof options.success === 'function') options.success(res)
            if (typeof options.complete === 'function') options.complete(res)
            return res
          },
          function (e) {
            var res = { errMsg: errMsgOf(e) || name + ':fail ' + ((e && e.message) || String(e)) }
            if (typeof options.fail === 'function') options.fail(res)
            if (typeof options.complete === 'function') options.complete(res)
            throw res
          },
        )
    }
  }

  // Taro H5 keeps storage in localStorage as {"data": value} (its setStorageSync format).
  function readItem(key) {
    try {
      var item = JSON.parse(localStorage.getItem(key) || '')
      if (item && typeof item === 'object' && Object.prototype.hasOwnProperty.call(item, 'data'))
        return { found: true, data: item.data }
    } catch (e) {}
    return { found: false }
  }

  function systemInfo() {
    return {
      brand: 'devtools',
      model: 'H5 (automator bridge)',
      platform: 'h5',
      system: navigator.userAgent,
      language: navigator.language,
      version: '',
      SDKVersion: 'dev',
      pixelRatio: window.devicePixelRatio,
      screenWidth: window.screen.width,
      screenHeight: window.screen.height,
      windowWidth: document.documentElement.clientWidth,
      windowHeight: document.documentElement.clientHeight,
      statusBarHeight: 0,
    }
  }

  // The app's tab pages (app.config tabBar.list), as Taro H5 keeps the app config.
  function isTabPage(url) {
    var config = window.__taroAppConfig || {}
    var list = (config.tabBar && config.tabBar.list) || []
    var path = String(url || '')
      .replace(/^\//, '')
      .replace(/\?.*$/, '')
    return list.some(function (tab) {
      return String(tab.pagePath).replace(/^\//, '') === path
    })
  }

  var wxShim = null
  // The wx object for callWxMethod and for functions run by App.callFunction: what Taro's H5 build can do.
  // (The app itself reaches Taro's APIs through direct imports, so only its platform layer can be mocked.)
  function wx() {
    if (wxShim) return wxShim
    var w = {}
    ROUTES.forEach(function (n) {
      w[n] = function (o) {
        o = Object.assign({}, o || {})
        if (n === 'navigateBack') {
          // Taro H5 would leave the app (history.go) for a navigateBack past the first page; wx refuses it.
          if (taro().getCurrentPages().length <= 1) {
            return Promise.reject({ errMsg: 'navigateBack:fail cannot navigate back at first page.' })
          }
          // The SDK's mp.navigateBack() sends {url: null}: Taro's router takes any `url` key for a URL route and
          // never goes back, so only the back navigation's own options go through.
          delete o.url
        }
        if (n === 'switchTab' && !isTabPage(o.url)) {
          return Promise.reject({ errMsg: 'switchTab:fail can not switch to no-tabBar page' })
        }
        return taro()[n](o)
      }
    })
    w.getCurrentPages = function () {
      return taro().getCurrentPages()
    }
    w.getApp = function () {
      var t = window.__candidateTaro
      return t && t.getApp ? t.getApp() : {}
    }
    w.setStorageSync = function (key, data) {
      localStorage.setItem(String(key), JSON.stringify({ data: data === undefined ? '' : data }))
    }
    w.getStorageSync = function (key) {
      var r = readItem(String(key))
      return r.found ? r.data : ''
    }
    w.removeStorageSync = function (key) {
      localStorage.removeItem(String(key))
    }
    w.clearStorageSync = function () {
      localStorage.clear()
    }
    w.getStorageInfoSync = function () {
      return { keys: Object.keys(localStorage), currentSize: NaN, limitSize: NaN }
    }
    w.setStorage = asyncApi('setStorage', function (o) {
      w.setStorageSync(o.key, o.data)
    })
    w.getStorage = asyncApi('getStorage', function (o) {
      var r = readItem(String(o.key))
      if (!r.found) throw { errMsg: 'getStorage:fail data not found' }
      return { data: r.data }
    })
    w.removeStorage = asyncApi('removeStorage', function (o) {
      w.removeStorageSync(o.key)
    })
    w.clearStorage = asyncApi('clearStorage', function () {
      w.clearStorageSync()
    })
    w.getStorageInfo = asyncApi('getStorageInfo', function () {
      return w.getStorageInfoSync()
    })
    w.env = { USER_DATA_PATH: USER_DATA_PATH }
    w.getFileSystemManager = fileSystemManager
    w.getSystemInfoSync = systemInfo
    w.getWindowInfo = systemInfo
    w.getSystemInfo = asyncApi('getSystemInfo', systemInfo)
    w.pageScrollTo = asyncApi('pageScrollTo', function (o) {
      var shown = shownPage()
      var top = o.scrollTop || 0
      if (o.selector && shown) {
        var target = shown.querySelector(translateSelector(o.selector))
        if (!target) throw { errMsg: 'pageScrollTo:fail no element matches ' + o.selector }
        top = offsetOf(target).top
      }
      if (shown && shown.scrollHeight > shown.clientHeight) shown.scrollTop = top
      else window.scrollTo(0, top)
    })
    Object.keys(PLATFORM_MAP).forEach(function (n) {
      var map = PLATFORM_MAP[n]
      w[n] = asyncApi(n, function (o) {
        var p = platform()
        return Promise.resolve(p[map.method].apply(p, map.toPlatformArgs(o))).then(function (v) {
          var res = map.toWxResult(v, [o])
          if (errMsgOf(res).indexOf(':fail') >= 0) throw res
          return res
        })
      })
    })
    wxShim = w
    return w
  }

  function compile(functionDeclaration) {
    // Small shims so functions written for the devtools (wx.*, getApp, getCurrentPages) run here.
    var w = wx()
    var fn
    try {
      fn = new Function('wx', 'getApp', 'getCurrentPages', 'return (' + functionDeclaration + ')')(
        w,
        w.getApp,
        w.getCurrentPages,
      )
    } catch (e) {
      fail('functionDeclaration does not compile: ' + e.message)
    }
    if (typeof fn !== 'function') fail('functionDeclaration is not a function')
    return fn
  }

  function mockTarget(method) {
    if (PLATFORM_MAP[method]) return { kind: 'mapped', key: PLATFORM_MAP[method].method, map: PLATFORM_MAP[method] }
    if (PLATFORM_METHODS.indexOf(method) >= 0) return { kind: 'platform', key: method }
    fail(
      'wx.' +
        method +
        ' cannot be mocked on H5: the app calls Taro APIs through direct imports the bridge cannot ' +
        'replace; only the platform layer can be mocked (' +
        unique(Object.keys(PLATFORM_MAP).concat(PLATFORM_METHODS)).join(', ') +
        ')',
    )
  }

  function mock(params) {
    var method = params.method
    var target = mockTarget(method)
    var obj = platform()
    var hasFn = typeof params.functionDeclaration === 'string'
    var hasResult = Object.prototype.hasOwnProperty.call(params, 'result')
    if (!hasFn && !hasResult) {
      // restoreWxMethod
      if (mocks.has(target.key)) {
        obj[target.key] = mocks.get(target.key)
        mocks.delete(target.key)
      }
      return null
    }
    var origin = mocks.has(target.key) ? mocks.get(target.key) : obj[target.key]
    mocks.set(target.key, origin)
    var fn = hasFn ? compile(params.functionDeclaration) : null
    var extra = params.args || []
    if (target.kind === 'mapped') {
      var map = target.map
      // A function mock is written in wx terms (as in the devtools): it gets wx options, this.origin is wx-style.
      var wxOrigin = function (options) {
        return Promise.resolve(origin.apply(obj, map.toPlatformArgs(options))).then(function (v) {
          return map.toWxResult(v, [options])
        })
      }
      obj[target.key] = function () {
        var wxOptions = map.toWxOptions.apply(null, arguments)
        var wxResult = hasFn ? fn.apply({ origin: wxOrigin }, [wxOptions].concat(extra)) : params.result
        return Promise.resolve(wxResult).then(
          function (r) {
            return map.toPlatformResult(r, wxOptions)
          },
          function (e) {
            return map.toPlatformResult(e, wxOptions)
          },
        )
      }
    } else {
      obj[target.key] = function () {
        var a = Array.prototype.slice.call(arguments)
        return Promise.resolve(hasFn ? fn.apply({ origin: origin.bind(obj) }, a.concat(extra)) : params.result)
      }
    }
    return null
  }

  function callWx(method, args) {
    var w = wx()
    var target = PLATFORM_METHODS.indexOf(method) >= 0 && !PLATFORM_MAP[method] ? platform() : w
    if (typeof target[method] !== 'function') {
      fail(
        'wx.' +
          method +
          ' is not mapped by the H5 bridge (mapped: ' +
          unique(Object.keys(w).concat(PLATFORM_METHODS)).join(', ') +
          ')',
      )
    }
    var out
    try {
      out = target[method].apply(target, args)
    } catch (e) {
      fail('wx.' + method + ' failed: ' + ((e && e.message) || String(e)))
    }
    return Promise.resolve(out).then(
      function (v) {
        // navigateTo's event channel is a live object, not a result.
        if (v && typeof v === 'object' && 'eventChannel' in v) v = { errMsg: v.errMsg }
        return v === undefined ? null : v
      },
      function (e) {
        fail('wx.' + method + ' failed: ' + (errMsgOf(e) || (e && e.message) || String(e)))
      },
    )
  }

  function callFunction(functionDeclaration, args) {
    var fn = compile(functionDeclaration)
    return Promise.resolve(fn.apply(null, args || [])).then(function (v) {
      return v === undefined ? null : v
    })
  }

  function windowProperty(name) {
    var parts = String(name).split('.')
    var v = window
    for (var i = 0; i < parts.length; i++) {
      if (v === null || v === undefined) return null
      v = v[parts[i]]
    }
    // Taro pages scroll inside their container, not the document: the document's scroll position and scroll size
    // (what page.scrollTop() and page.size() read) are the shown page's, as the devtools report the page's content.
    var scrolling = /^document\.(documentElement|body)\.(scrollTop|scrollLeft|scrollWidth|scrollHeight)$/.exec(name)
    if (scrolling) {
      var shown = shownPage()
      if (shown) v = shown[scrolling[2]]
    }
    if (typeof v === 'function') return null
    if (v !== null && typeof v === 'object') {
      try {
        return JSON.parse(JSON.stringify(v))
      } catch (e) {
        return String(v)
      }
    }
    return v === undefined ? null : v
  }

  // Taro H5 draws wx.showModal as DOM (.taro__modal): the devtools' native().confirmModal()/cancelModal() click it.
  function nativeCall(method) {
    if (method !== 'confirmModal' && method !== 'cancelModal') {
      fail('Tool.native ' + method + ' is not supported by the H5 bridge (only confirmModal and cancelModal)')
    }
    var shown = Array.prototype.filter.call(document.querySelectorAll('.taro__modal'), function (m) {
      return m.style.display !== 'none' && getComputedStyle(m).display !== 'none'
    })
    if (!shown.length) fail('Tool.native ' + method + ': no modal is shown')
    var button = shown[shown.length - 1].querySelector(
      method === 'confirmModal' ? '.taro-model__confirm' : '.taro-model__cancel',
    )
    if (!button || getComputedStyle(button).display === 'none')
      fail('Tool.native ' + method + ': the modal has no such button')
    button.click()
    return null
  }

  var handlers = {
    native: nativeCall,
    state: pageState,
    query: query,
    prepareTap: prepareTap,
    tapLanded: tapLanded,
    syntheticTap: syntheticTap,
    element: function (elementId, op, a, b) {
      var el = getElement(elementId)
      switch (op) {
        case 'dom':
          return a.map(function (n) {
            var v = el[n]
            return v === undefined || typeof v === 'function'
              ? null
              : typeof v === 'object' && v !== null
                ? String(v)
                : v
          })
        case 'attributes':
          // As a mini-program template renders them: no data attributes, no H5-only classes.
          return a.map(function (n) {
            if (/^data-/.test(n)) return null
            return n === 'class' ? miniClass(el) : el.getAttribute(n)
          })
        case 'properties':
          return a.map(function (n) {
            return property(el, n)
          })
        case 'styles':
          return a.map(function (n) {
            return styleOf(el, n)
          })
        case 'offset':
          return offsetOf(el)
        case 'wxml':
          return wxml(el, a === 'outer')
        case 'event':
          return fireEvent(el, a, b)
        case 'touch':
          return touch(el, a, b || {})
        case 'call':
          return callElementFunction(el, a, b || [])
      }
      fail('unknown element operation ' + op)
    },
    mock: mock,
    callWx: callWx,
    callFunction: callFunction,
    windowProperties: function (names) {
      return names.map(windowProperty)
    },
  }

  // ---- saved images: what the app's canvases drew, what it exported and downloaded (Host.takeSavedImages) ----
  // The same record the mini-program host keeps (tools/miniprogram-host/src/canvas.ts): texts, rectangles and images
  // per canvas; an export (toDataURL) remembers what it shows; a download (<a download>.click()) is a saved image.
  // A fill covering the whole canvas hides what was drawn before, so a repaint starts a new record.
  var canvasRecords = new WeakMap()
  var exportedImages = new Map()
  var savedImages = []
  function canvasRecord(canvas) {
    var r = canvasRecords.get(canvas)
    if (!r) {
      r = { canvas: 'h5', width: canvas.width, height: canvas.height, ops: [] }
      canvasRecords.set(canvas, r)
    }
    return r
  }
  function fontSize(font) {
    var m = /(\d+(?:\.\d+)?)px/.exec(String(font))
    return m ? Number(m[1]) : null
  }
  function urlPath(src) {
    try {
      var u = new URL(src, location.href)
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.pathname : null
    } catch (e) {
      return null
    }
  }
  if (typeof CanvasRenderingContext2D !== 'undefined') {
    var C2D = CanvasRenderingContext2D.prototype
    var wrap2d = function (name, record) {
      var original = C2D[name]
      C2D[name] = function () {
        try {
          record(this, arguments)
        } catch (e) {
          // the record never stops the drawing
        }
        return original.apply(this, arguments)
      }
    }
    wrap2d('fillRect', function (ctx, a) {
      var r = canvasRecord(ctx.canvas)
      if (a[0] <= 0 && a[1] <= 0 && a[2] >= ctx.canvas.width && a[3] >= ctx.canvas.height) r.ops = []
      r.ops.push({ op: 'rect', x: a[0], y: a[1], w: a[2], h: a[3], color: String(ctx.fillStyle), fill: true })
    })
    wrap2d('strokeRect', function (ctx, a) {
      canvasRecord(ctx.canvas).ops.push({
        op: 'rect',
        x: a[0],
        y: a[1],
        w: a[2],
        h: a[3],
        color: String(ctx.strokeStyle),
        fill: false,
      })
    })
    wrap2d('fillText', function (ctx, a) {
      canvasRecord(ctx.canvas).ops.push({
        op: 'text',
        text: String(a[0]),
        x: a[1],
        y: a[2],
        size: fontSize(ctx.font),
        color: String(ctx.fillStyle),
        // The browser's own measure of it, as the mini-program host records (specs check texts for overlaps).
        w: ctx.measureText(String(a[0])).width,
        align: String(ctx.textAlign),
      })
    })
    wrap2d('drawImage', function (ctx, a) {
      var img = a[0]
      var src = String((img && (img.currentSrc || img.src)) || '')
      canvasRecord(ctx.canvas).ops.push({
        op: 'image',
        x: a[1],
        y: a[2],
        w: a[3],
        h: a[4],
        src: src,
        source: urlPath(src),
        loaded: !!(img && img.complete && img.naturalWidth > 0),
      })
    })
    var toDataURL = HTMLCanvasElement.prototype.toDataURL
    HTMLCanvasElement.prototype.toDataURL = function () {
      var url = toDataURL.apply(this, arguments)
      exportedImages.set(url, JSON.parse(JSON.stringify(canvasRecord(this))))
      return url
    }
    var anchorClick = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function () {
      if (this.hasAttribute('download')) {
        savedImages.push({
          api: 'download',
          path: this.getAttribute('download') || '',
          recording: exportedImages.get(this.href) || null,
        })
      }
      return anchorClick.apply(this, arguments)
    }
  }
  handlers.takeSavedImages = function () {
    return savedImages.splice(0)
  }

  // ---- pages opened outside the app (Host.takeOpened): the map link of the ticket's centre ----
  // window.open is recorded and answered with a closed stand-in tab: a test run loads no outside site. A page that
  // checks for a blocked tab (null) sees one that opened, as a browser that allows it.
  var openedPages = []
  var realOpen = window.open
  window.open = function (url, target) {
    var href = String(url || '')
    if (!/^https?:/.test(href)) return realOpen.apply(window, arguments)
    openedPages.push({ kind: 'page', api: 'window.open', url: href, target: target || '' })
    return { closed: true, opener: null, close: function () {}, focus: function () {} }
  }
  handlers.takeOpened = function () {
    return openedPages.splice(0)
  }

  window.__automatorBridge = {
    token: loadToken,
    run: function (name, args) {
      try {
        return Promise.resolve(handlers[name].apply(null, args || [])).then(
          function (value) {
            return { value: value === undefined ? null : value }
          },
          function (e) {
            return { error: (e && (e.message || e.errMsg)) || String(e) }
          },
        )
      } catch (e) {
        return { error: (e && (e.message || e.errMsg)) || String(e) }
      }
    },
  }
})()
