import { text } from './text';

/** "Hướng dẫn": a round from form to appendix, each step with a link to where it is done. */
export function HelpScreen() {
  return (
    <section className="help-screen">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <ol className="help-steps">
        {text.steps.map((s) => (
          <li key={s.title} className="card compact">
            <h2>{s.title}</h2>
            <p>{s.body}</p>
            <p className="help-links">
              {s.links.map((l) => (
                <a key={l.label} className="button" href={l.href}>
                  {l.label}
                </a>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
