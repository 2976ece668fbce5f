import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublishedLog, TILE_WIDTH, TilePathError, TileUnavailableError, parseTilePath } from '#journal';
import { TokenService } from '../auth/token.service.js';

/** HIMOTOKI_LOG_PUBLIC: the tiled log is served without a token unless this is "false". */
export const logIsPublic = (env: NodeJS.ProcessEnv): boolean => env.HIMOTOKI_LOG_PUBLIC !== 'false';

/**
 * 公開台帳 — the journal as a C2SP tiled transparency log (tlog-tiles, tlog-checkpoint), readable by any
 * standard client: `GET /journal/checkpoint`, `/journal/tile/<L>/<N>[.p/<W>]`, `/journal/tile/entries/<N>[.p/<W>]`.
 * The tiles hold hashes and the entries commitments: nothing personal. Served without a token by default.
 */
@Controller('journal')
export class JournalTilesController {
  private readonly isPublic = logIsPublic(process.env);

  constructor(
    private readonly log: PublishedLog,
    private readonly tokens: TokenService,
  ) {}

  @Get('checkpoint')
  async checkpoint(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!(await this.admitted(request, response))) return;
    const note = await this.log.cosignedCheckpoint();
    if (!note) {
      response.status(404).type('text/plain').send('no tree head has been signed yet\n');
      return;
    }
    // It changes with every head: cached a few seconds at most.
    response.set('Cache-Control', 'public, max-age=2').type('text/plain; charset=utf-8').send(note);
  }

  @Get('tile/*path')
  async tile(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!(await this.admitted(request, response))) return;
    const path = request.path.slice(request.path.indexOf('/tile/') + 1);
    try {
      const address = parseTilePath(path);
      const bytes = await this.log.tile(address);
      // A full tile never changes: cached for good (C2SP tlog-tiles). A partial one is superseded by a wider one
      // as the log grows (and may be dropped then): cached briefly.
      response.set('Cache-Control', address.width === TILE_WIDTH ? 'public, max-age=31536000, immutable' : 'public, max-age=60').type('application/octet-stream').send(bytes);
    } catch (error) {
      if (error instanceof TilePathError) response.status(400).type('text/plain').send(`${error.message}\n`);
      else if (error instanceof TileUnavailableError) response.status(404).type('text/plain').send(`${error.message}\n`);
      else throw error;
    }
  }

  /** With HIMOTOKI_LOG_PUBLIC=false, any valid bearer token (of any role) reads the log. */
  private async admitted(request: Request, response: Response): Promise<boolean> {
    if (this.isPublic) return true;
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const problem = token ? await this.tokens.verify(token).then(() => null, (error: Error) => error.message) : 'send a bearer token (the log is not public: HIMOTOKI_LOG_PUBLIC=false)';
    if (problem) response.status(401).type('text/plain').send(`${problem}\n`);
    return problem === null;
  }
}
