import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './create-api';

contextBridge.exposeInMainWorld(
  'api',
  createPreloadApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe(event, listener) {
      const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => ipcRenderer.removeListener(event, wrapped);
    },
  }),
);
