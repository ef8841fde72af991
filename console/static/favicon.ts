/** The tab icon, served as /static/favicon.svg: a dark square with a white "N" and a blue tick. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f172a"/><path d="M8 24V8h3l7 10V8h3v16h-3l-7-10v10z" fill="#fff"/><path d="M21 25l3 3 6-7" stroke="#60a5fa" stroke-width="2.5" fill="none"/></svg>`;
