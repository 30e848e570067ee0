import { wishCreate } from '../../../src/shared/contract/wish';
import { petitionCreate } from '../../../src/shared/contract/petition';
import '../../../src/shared/contract';
import { errorUnder, formErrors, lengthCount } from '../../../src/utils/form-errors';

describe('formErrors', () => {
  test('an empty wish names every invalid field, in the form order, in Chinese', () => {
    const errors = formErrors(wishCreate.input, { title: '', description: '', categoryId: '', photos: [] });
    expect(errors).toEqual({ title: '标题至少 2 个字', description: '请用至少 5 个字说明需要什么帮助', categoryId: '请选择类别' });
    expect(Object.keys(errors)).toEqual(['title', 'description', 'categoryId']);
  });

  test('a valid wish has no errors', () => {
    expect(formErrors(wishCreate.input, { title: '换灯泡', description: '厨房灯泡坏了够不着', categoryId: 'elderly', photos: [] })).toEqual({});
  });

  test('a 31-character title is too long, not cut', () => {
    const errors = formErrors(wishCreate.input, { title: '一'.repeat(31), description: '厨房灯泡坏了够不着', categoryId: 'elderly' });
    expect(errors).toEqual({ title: '标题最多 30 个字' });
  });

  test('nested fields keep their path; errorUnder finds them by the outer field', () => {
    const errors = formErrors(petitionCreate.input, {
      categoryId: 'road',
      description: '路灯坏了很久了',
      location: { kind: 'building', buildingId: 'b2', detail: '一'.repeat(51) },
      onBehalfOf: { name: '王秀英', phone: '123' },
    });
    expect(errors).toEqual({ 'location.detail': '位置说明最多 50 字', 'onBehalfOf.phone': '手机号格式不对' });
    expect(errorUnder(errors, 'location')).toBe('位置说明最多 50 字');
    expect(errorUnder(errors, 'onBehalfOf.name')).toBeUndefined();
    expect(errorUnder(errors, 'onBehalf')).toBeUndefined();
  });
});

describe('lengthCount', () => {
  test('counts as the schema does and says when it is over', () => {
    expect(lengthCount(' 换灯泡 ', 30)).toEqual({ text: '3/30', over: false });
    expect(lengthCount('一'.repeat(30), 30)).toEqual({ text: '30/30', over: false });
    expect(lengthCount('一'.repeat(45), 30)).toEqual({ text: '45/30', over: true });
  });
});
