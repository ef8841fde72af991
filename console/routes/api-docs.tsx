/** The API's page at /api/v1/docs, written from the generated OpenAPI document. */

interface Operation {
  summary?: string;
  description?: string;
  responses?: Record<string, { description?: string }>;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}
interface SchemaObject {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  examples?: unknown[];
  items?: SchemaObject;
}
export interface OpenApiDocument {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, SchemaObject> };
}

const refName = (op: Operation): string | null => op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop() ?? null;
const typeOf = (s: SchemaObject): string =>
  s.enum ? s.enum.map(String).join(' | ') : Array.isArray(s.type) ? s.type.join(' | ') : s.type === 'array' && s.items ? `array of ${typeOf(s.items)}` : (s.type ?? '');

function Fields({ schema }: { schema: SchemaObject }) {
  return (
    <table>
      <thead><tr><th>Field</th><th>Type</th><th>Notes</th></tr></thead>
      <tbody>
        {Object.entries(schema.properties ?? {}).map(([name, s]) => (
          <tr><td><code>{name}</code>{schema.required?.includes(name) ? ' *' : ''}</td><td class="small">{typeOf(s)}</td><td class="small">{s.description ?? ''}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function ApiDocs({ document }: { document: OpenApiDocument }) {
  const schemas = document.components?.schemas ?? {};
  return (
    <>
      <h1>{document.info.title}</h1>
      <p>{document.info.description}</p>
      <p><a href="/api/v1/openapi.json">OpenAPI document (JSON)</a></p>
      {Object.entries(document.paths ?? {}).map(([path, ops]) =>
        Object.entries(ops ?? {}).map(([method, op]) => {
          const body = refName(op);
          const schema = body ? schemas[body] : undefined;
          return (
            <div class="panel">
              <h2><span class="badge">{method.toUpperCase()}</span> /api/v1{path}</h2>
              <p><b>{op.summary}</b>{op.description ? ` — ${op.description}` : ''}</p>
              {schema?.properties ? <Fields schema={schema} /> : null}
              {schema?.examples?.length ? (
                <details><summary>Example bodies</summary>{schema.examples.map((e) => <pre>{JSON.stringify(e, null, 2)}</pre>)}</details>
              ) : null}
              <p class="small muted">Responses: {Object.entries(op.responses ?? {}).map(([code, r]) => `${code} ${r.description ?? ''}`).join(' · ')}</p>
            </div>
          );
        }),
      )}
      <div class="panel"><h2>Errors</h2><p>Every error has one shape: <code>{'{ "error": { "code", "message", "requestId", "details" } }'}</code>. Quote the request id when you contact us.</p></div>
    </>
  );
}
