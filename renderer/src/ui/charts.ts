import {
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js';

/**
 * chart.js set up once for the app: only the pieces the charts use, no animation (a chart is read,
 * printed and saved, never watched), Vietnamese number style, and a white background so a saved
 * PNG pastes into a Word report as it looks on screen.
 */
const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

Chart.register(
  CategoryScale,
  LinearScale,
  LineElement,
  PointElement,
  BarElement,
  Title,
  Tooltip,
  Legend,
  whiteBackground,
);
Chart.defaults.animation = false;
Chart.defaults.locale = 'vi-VN';
Chart.defaults.font.family = "'Segoe UI', 'Liberation Sans', Arial, sans-serif";

export const chartColors = ['#1f4fa3', '#c5221f', '#1e8e3e', '#e8a100', '#6a3fa0', '#00838f', '#b05a00', '#5f6368'];
