import { useEffect, useState } from 'react';
import { areaFromHash, areas, type AreaId } from './areas';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { PlansScreen } from '../features/plans/PlansScreen';
import { UnitsScreen } from '../features/units/UnitsScreen';
import { FormsScreen } from '../features/forms/FormsScreen';
import { RoundsScreen } from '../features/rounds/RoundsScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { text } from './text';

const screens: Record<AreaId, () => React.JSX.Element> = {
  overview: OverviewScreen,
  plans: PlansScreen,
  forms: FormsScreen,
  rounds: RoundsScreen,
  inbox: InboxScreen,
  units: UnitsScreen,
  settings: SettingsScreen,
  help: HelpScreen,
};

function useArea(): AreaId {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return area;
}

export function App() {
  const area = useArea();
  const Screen = screens[area];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={text.sections}>
        <div className="brand">
          <div className="brand-title">{text.brand}</div>
          <div className="brand-sub">{text.brandSub}</div>
        </div>
        <ul>
          {areas.map((a) => (
            <li key={a.id}>
              <a href={`#/${a.id}`} aria-current={a.id === area ? 'page' : undefined}>
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Screen />
      </main>
    </div>
  );
}
