/**
 * Alipay's official typings (@mini-types/alipay) for the platform layer: only its API part, @mini-types/my, which
 * declares the global namespace `my` (its sibling @mini-types/global declares the engine's App/Page/parseInt...
 * globals, which would clash with Node's here). `my` is visible to the whole program; eslint.config.mjs lets only
 * src/platform name it.
 * https://github.com/ant-mini-program/api-typings (npm: @mini-types/alipay, @mini-types/my)
 */
/// <reference types="@mini-types/my" />
