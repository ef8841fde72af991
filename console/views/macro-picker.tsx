import type { Macro } from '../../src/store/repos/macros.js';

/** A list of canned texts for a note; the script inserts the chosen one into `target`. */
export function MacroPicker(props: { macros: Macro[]; target: string }) {
  if (!props.macros.length) return null;
  return (
    <div class="small">
      <label for={`${props.target}-macro`}>Insert a macro</label>
      <select id={`${props.target}-macro`} name="macro" class="macro" data-target={props.target}>
        <option value="">–</option>
        {props.macros.map((m) => <option value={String(m.id)} data-text={m.body}>{m.name}</option>)}
      </select>
    </div>
  );
}
