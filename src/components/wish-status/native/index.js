// A native WeChat custom component: the weapp build renders status chips with it (a plain template,
// cheaper than a Taro-rendered subtree in long lists), and miniprogram-simulate tests it in dist/weapp.
import { chipStyle, toneOf } from '../tone';

Component({
  properties: {
    status: { type: String, value: '' },
    label: { type: String, value: '' },
    // 关怀模式: larger text and darker colours (page styles do not reach into a native component).
    care: { type: Boolean, value: false },
  },
  data: { tone: '', style: '' },
  observers: {
    'status, care'(status, care) {
      this.setData({ tone: toneOf(status), style: chipStyle(status, care) });
    },
  },
});
