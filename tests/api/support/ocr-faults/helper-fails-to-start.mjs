// A line helper thread that cannot start (as when its model fails to load): it throws before saying it is ready.
// tests/api/scan-faults.test.ts gives it to the OCR engine in place of ocr/line-helper.mjs.
throw new Error('the recognition model could not be loaded (fault test)')
