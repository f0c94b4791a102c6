// babel-preset-taro compiles the app for every target; under NODE_ENV=test it emits CommonJS for jest.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
