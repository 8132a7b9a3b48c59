import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_API_KEY, BEARER_JWT } from './auth/auth.decorator.js';
import { GUEST_COOKIE } from './auth/guest-session.js';
import { packageVersion } from './version.js';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Papermill')
    .setDescription(
      'Upload a PDF, poll the task, download the Markdown, read the assets JSON and fetch figures. ' +
        'Errors are `{"detail": ...}`; validation errors are 422 with a list of `{loc, msg, type}`.',
    )
    .setVersion(packageVersion())
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'The server serving this document')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Session JWT' },
      BEARER_JWT,
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key `pmk_...`' }, BEARER_API_KEY)
    .addCookieAuth(
      GUEST_COOKIE,
      { type: 'apiKey', in: 'cookie', name: GUEST_COOKIE, description: 'Guest session' },
      GUEST_COOKIE,
    )
    .build();
  return withExplicitPublicSecurity(SwaggerModule.createDocument(app, config));
}

/**
 * An operation that names no security scheme is public (`@Auth()` names them for every other one):
 * say so with an explicit empty list, so no client or linter reads it as "unspecified".
 */
function withExplicitPublicSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const) {
      const operation = path[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
}
