import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { WebResponse, WebService } from './web.service.js';

/** `GET /` (the page) and `GET /assets/<path>` (its scripts, styles and vendor libraries). */
@ApiExcludeController()
@Controller()
export class WebController {
  constructor(private readonly web: WebService) {}

  @Get()
  page(@Res() res: Response): void {
    send(res, this.web.page());
  }

  // Express 5 wildcard: `path` arrives as the decoded path segments.
  @Get('assets/*path')
  asset(@Param('path') path: string[], @Res() res: Response): void {
    send(res, this.web.asset(path.join('/')));
  }
}

/** Express's send answers a matching If-None-Match with 304 and HEAD without a body. */
function send(res: Response, { file, headers }: WebResponse): void {
  res.set(headers).type(file.contentType).set('ETag', file.etag).send(file.body);
}
