import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';

/** AG Grid Community's modules, registered once for every grid of the app. */
ModuleRegistry.registerModules([AllCommunityModule]);
