import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { shopCategories, shopCategoryLabels, type ShopCategory } from '../../shared/domain/merchant';

const categories = shopCategories.map((c) => ({ value: c, label: shopCategoryLabels[c] }));

/** 商家入驻申请: the shop, its licence photo and a contact number, for the community staff to review. */
/** `onApplied` gets the application as the reply tells it, which the page then shows without asking again. */
export function ApplyForm({ onApplied }: { onApplied: (application: Output<'merchant.apply'>['application']) => void }) {
  const apply = useSubmit('merchant.apply');
  const [shopName, setShopName] = useState('');
  const [address, setAddress] = useState('');
  const [category, setCategory] = useState<ShopCategory | ''>('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [contact, setContact] = useState('');
  const { fileIDs, uploading } = uploaded(photos);
  const errors = apply.fieldErrors;
  const ready = shopName.trim() && address.trim() && category && fileIDs.length === 1 && contact.trim();

  async function onSubmit() {
    if (!category || !fileIDs[0]) return;
    const reply = await apply.submit({ shopName: shopName.trim(), address: address.trim(), category, licence: fileIDs[0], contact: contact.trim() });
    if (reply?.ok) onApplied(reply.data.application);
  }

  const text = (label: string, field: string, value: string, set: (v: string) => void, placeholder: string, max: number) => (
    <FormField label={label} error={errors[field]}>
      <Input
        className={`merchant-input apply__${field}`}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => {
          set(e.detail.value);
          apply.clearField(field);
        }}
      />
    </FormField>
  );

  return (
    <>
      <NoticeBanner failure={apply.failure} />
      {text('店名', 'shopName', shopName, setShopName, '例如：唐记水果店', 20)}
      {text('店铺地址', 'address', address, setAddress, '例如：梧桐社区6号楼底商8号', 60)}
      <FormField label="经营类别" error={errors.category}>
        <ChoiceChips choices={categories} value={category} onChange={setCategory} />
      </FormField>
      <FormField label="营业执照照片" error={errors.licence} hint="拍清楚执照上的名称和统一社会信用代码">
        <PhotoPicker photos={photos} onChange={(update) => setPhotos(update)} max={1} />
      </FormField>
      {text('联系电话', 'contact', contact, setContact, '手机号或座机号', 13)}
      <View className="merchant-actions">
        <ActionButton disabled={!ready || uploading} busy={apply.submitting} onClick={onSubmit}>
          {uploading ? '照片上传中…' : '提交申请'}
        </ActionButton>
      </View>
    </>
  );
}
