import { channel, noInput, type FeatureContract } from './channel';

export interface DemoSummary {
  units: number;
  programmes: number;
  plans: number;
  targets: number;
  tasks: number;
  /** Yearly rounds of figures made for the demo (0 without history). */
  rounds: number;
}

/** Demo data for a first look at the app. */
export const demoContract = {
  'demo:create-demo': channel<DemoSummary>()(noInput),
} satisfies FeatureContract<'demo'>;
