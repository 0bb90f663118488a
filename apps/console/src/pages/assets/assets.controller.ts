import { Controller, Get, Header } from '@nestjs/common';
import { CONSOLE_CSS } from './console-style';
import { CONSOLE_JS } from './console-script';

/**
 * The console's own stylesheet and script, from this process: no CDN, nothing a third party
 * could change. They are code of the build (TypeScript strings), so nothing needs copying
 * beside the compiled app.
 */
@Controller('assets')
export class AssetsController {
  @Get('console.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  css(): string {
    return CONSOLE_CSS;
  }

  @Get('console.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  js(): string {
    return CONSOLE_JS;
  }
}
