/** Registers a custom element unless the tag is taken (the script loaded twice) or there is no registry (Node). */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}
