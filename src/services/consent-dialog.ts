/**
 * H5 stand-in for WeChat's subscription dialog. It is plain DOM on document.body, not Taro.showModal:
 * Taro H5 closes its modal on every route change without answering, and the action that asked usually
 * navigates away (posting a wish opens 我的心愿) while the question is still open.
 */
export function askOnPage(title: string, content: string): Promise<boolean> {
  return new Promise((resolve) => {
    const el = (tag: string, className: string, style: string, text = '') => {
      const node = document.createElement(tag);
      node.className = className;
      node.setAttribute('style', style);
      node.textContent = text;
      return node;
    };
    const root = el(
      'div',
      'consent-dialog',
      'position:fixed;inset:0;z-index:5000;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center',
    );
    const box = el('div', 'consent-dialog__box', 'width:80%;max-width:320px;background:#fff;border-radius:12px;overflow:hidden;text-align:center');
    const foot = el('div', 'consent-dialog__foot', 'display:flex;border-top:1px solid rgba(0,0,0,.1)');
    const button = (className: string, text: string, color: string, answer: boolean) => {
      const b = el('div', className, `flex:1;padding:14px 0;font-size:17px;font-weight:600;color:${color};cursor:pointer`, text);
      b.addEventListener('click', () => {
        root.remove();
        resolve(answer);
      });
      return b;
    };
    box.append(
      el('div', 'consent-dialog__title', 'padding:28px 24px 8px;font-size:17px;font-weight:600;color:rgba(0,0,0,.9)', title),
      el('div', 'consent-dialog__text', 'padding:0 24px 24px;font-size:15px;line-height:1.5;color:rgba(0,0,0,.55)', content),
      foot,
    );
    foot.append(
      button('consent-dialog__decline', '暂不', 'rgba(0,0,0,.9)', false),
      el('div', '', 'width:1px;background:rgba(0,0,0,.1)'),
      button('consent-dialog__accept', '接收', '#576b95', true),
    );
    root.append(box);
    document.body.append(root);
  });
}
