// A native WeChat custom component: the weapp build renders status chips with it (a plain template,
// cheaper than a Taro-rendered subtree in long lists), and miniprogram-simulate tests it in dist/weapp.
import { chipStyle, toneOf } from '../tone';

Component({
  properties: {
    status: { type: String, value: '' },
    label: { type: String, value: '' },
  },
  data: { tone: '', style: '' },
  observers: {
    status(status) {
      this.setData({ tone: toneOf(status), style: chipStyle(status) });
    },
  },
});
