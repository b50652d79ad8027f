// nestjs-cls and its transactional plugin are CommonJS packages that require() Nest's ES modules.
// In Jest's native ESM mode a CommonJS dependency is run while the importing ES module graph is
// still being linked, where require() of a not-yet-evaluated ES module is refused as a cycle. Each
// test file evaluates Nest's modules here first, so those require() calls find them ready.
import '@nestjs/common';
import '@nestjs/core';
import '@nestjs/core/errors/exceptions/unknown-dependencies.exception.js';
import '@nestjs/core/injector/injector.js';
