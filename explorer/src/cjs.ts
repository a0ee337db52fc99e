// graphology's CommonJS packages declare `export default`: under NodeNext TypeScript sees a namespace whose
// `default` is the function, while the bundler hands over the function itself. This reads either shape.
export function cjsDefault<T>(mod: { default: T }): T {
  return ((mod as unknown as { default?: T }).default ?? mod) as T;
}
